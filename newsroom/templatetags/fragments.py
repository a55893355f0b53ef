"""{% fragment "name" value... %}…{% endfragment %}: the part rendered once per record,
language and content generation (newsroom/core/fragments.py)."""

from django import template
from django.utils.safestring import mark_safe

from newsroom.core import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, values, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        # Every value the part's output depends on besides the language (record, options).
        parts = (self.name, *(str(value.resolve(context)) for value in self.values))
        return mark_safe(fragments.remembered(parts, lambda: self.nodelist.render(context)))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} needs a name and the values its output depends on, e.g. the record's pk."
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name = template.Variable(bits[1]).resolve({})
    return FragmentNode(name, [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
