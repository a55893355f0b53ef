"""The brand in the admin: one row, edited by those holding its change permission."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from newsroom.models import Brand


@admin.register(Brand)
class BrandAdmin(admin.ModelAdmin):
    fields = ["name", "logo", "accent", "accent_dark", "typeface"]
    list_display = ["name", "accent", "accent_dark", "typeface", "updated_at"]

    def add_view(self, request, form_url="", extra_context=None):
        # Not in has_add_permission: that is asked on every admin page, for the sidebar.
        brand = Brand.objects.first()
        if brand is not None:
            return redirect(reverse("admin:newsroom_brand_change", args=[brand.pk]))
        return super().add_view(request, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        """The list of one: straight to the brand's page (or the form for it)."""
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        brand = Brand.objects.first()
        if brand is None:
            if self.has_add_permission(request):
                return redirect(reverse("admin:newsroom_brand_add"))
            return super().changelist_view(request, extra_context)
        return redirect(reverse("admin:newsroom_brand_change", args=[brand.pk]))

    def get_changeform_initial_data(self, request):
        defaults = Brand.defaults()
        return {f: getattr(defaults, f) for f in ("name", "accent", "accent_dark", "typeface")}
