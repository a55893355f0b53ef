"""Words for synthetic content (`generate_content`): plausible, not real, news of a group.

Everything here is a constant, so that content built from it with a seeded random
number generator is the same on every machine.
"""

from typing import NamedTuple

# Synthetic content reads every word from here; the tags are long enough for a file.
from newsroom.demo.tag_words import TAGS as TAGS


class Place(NamedTuple):
    city: str
    local_name: str  # the city's name in Chinese, if it is in China
    province: str
    country: str
    currency: str  # the currency investment there is usually quoted in
    latitude: float
    longitude: float


class Line(NamedTuple):
    sector: str
    product: str  # what a plant makes, as a project describes it
    output: str  # what its capacity counts
    unit: str  # the capacity's unit; empty when counting the output itself
    low: float  # plausible yearly capacity, in that unit
    high: float


CATEGORIES = [
    ("enterprise-news", "Enterprise News"),
    ("products", "Products"),
    ("projects-and-plants", "Projects and Plants"),
    ("sustainability", "Sustainability"),
    ("technology", "Technology"),
    ("investor-relations", "Investor Relations"),
    ("community", "Community"),
    ("awards", "Awards"),
    ("media-statements", "Media Statements"),
]

UNITS = [
    "AUX Group",
    "AUX Air Conditioning",
    "AUX Compressor",
    "AUX Electric",
    "AUX Medical",
    "AUX Smart Home",
    "AUX New Energy",
    "AUX Heat Pump",
    "AUX Cold Chain",
    "AUX Motors",
    "AUX Logistics",
    "AUX International",
]

PARTNERS = [
    "Changjiang Precision Castings",
    "Eastern Sea Steel",
    "Huaxin Copper Tube",
    "Meridian Controls",
    "Northgate Semiconductors",
    "Pacific Coolant Systems",
    "Qingshan Valves",
    "Riverbend Electronics",
    "Silverline Logistics",
    "Southern Grid Storage",
    "Tianhe Automation",
    "Westlake Materials",
    "Yangtze Cable",
    "Zhongyuan Plastics",
]

CONTRACTORS = [
    "China Construction Eighth Engineering Division",
    "Anhui Construction Engineering Group",
    "Zhejiang Industrial Builders",
    "Saigon Industrial Construction",
    "Grupo Constructor del Bajío",
    "Danube Engineering",
    "Nile Contracting",
    "Siam Structural Works",
]

PLACES = [
    Place("Wuhu", "芜湖", "Anhui", "CN", "CNY", 31.33, 118.43),
    Place("Ningbo", "宁波", "Zhejiang", "CN", "CNY", 29.87, 121.54),
    Place("Hefei", "合肥", "Anhui", "CN", "CNY", 31.82, 117.23),
    Place("Nanchang", "南昌", "Jiangxi", "CN", "CNY", 28.68, 115.86),
    Place("Tianjin", "天津", "Tianjin", "CN", "CNY", 39.08, 117.2),
    Place("Chongqing", "重庆", "Chongqing", "CN", "CNY", 29.56, 106.55),
    Place("Zhuhai", "珠海", "Guangdong", "CN", "CNY", 22.27, 113.58),
    Place("Foshan", "佛山", "Guangdong", "CN", "CNY", 23.02, 113.12),
    Place("Xi'an", "西安", "Shaanxi", "CN", "CNY", 34.34, 108.94),
    Place("Wuhan", "武汉", "Hubei", "CN", "CNY", 30.59, 114.31),
    Place("Changsha", "长沙", "Hunan", "CN", "CNY", 28.23, 112.94),
    Place("Jinan", "济南", "Shandong", "CN", "CNY", 36.65, 117.12),
    Place("Qingdao", "青岛", "Shandong", "CN", "CNY", 36.07, 120.38),
    Place("Chengdu", "成都", "Sichuan", "CN", "CNY", 30.57, 104.07),
    Place("Shaoxing", "绍兴", "Zhejiang", "CN", "CNY", 30.0, 120.58),
    Place("Jiaxing", "嘉兴", "Zhejiang", "CN", "CNY", 30.75, 120.76),
    Place("Binh Duong", "", "Binh Duong", "VN", "USD", 11.17, 106.65),
    Place("Hai Phong", "", "Hai Phong", "VN", "USD", 20.84, 106.69),
    Place("Rayong", "", "Rayong", "TH", "THB", 12.68, 101.27),
    Place("Chonburi", "", "Chonburi", "TH", "THB", 13.36, 100.98),
    Place("Batam", "", "Riau Islands", "ID", "IDR", 1.13, 104.05),
    Place("Bekasi", "", "West Java", "ID", "IDR", -6.24, 106.99),
    Place("Monterrey", "", "Nuevo León", "MX", "MXN", 25.69, -100.32),
    Place("Querétaro", "", "Querétaro", "MX", "MXN", 20.59, -100.39),
    Place("Manaus", "", "Amazonas", "BR", "BRL", -3.12, -60.02),
    Place("Tenth of Ramadan City", "", "Sharqia", "EG", "EGP", 30.3, 31.74),
    Place("Debrecen", "", "Hajdú-Bihar", "HU", "EUR", 47.53, 21.63),
    Place("Zaragoza", "", "Aragon", "ES", "EUR", 41.65, -0.89),
    Place("Pune", "", "Maharashtra", "IN", "INR", 18.52, 73.86),
    Place("Tashkent", "", "Tashkent", "UZ", "USD", 41.3, 69.24),
]

LINES = [
    Line("Home appliances", "Air conditioners", "air conditioners", "", 500_000, 8_000_000),
    Line(
        "Home appliances", "Compressors", "air-conditioning compressors", "", 2_000_000, 30_000_000
    ),
    Line("Home appliances", "Heat pumps", "heat pumps", "", 100_000, 2_000_000),
    Line("Home appliances", "Refrigerators", "refrigerators", "", 300_000, 3_000_000),
    Line("Components", "Electric motors", "electric motors", "", 1_000_000, 20_000_000),
    Line("Components", "Copper tubes", "copper tube", "tonnes", 10_000, 120_000),
    Line("Components", "Control boards", "control boards", "", 2_000_000, 40_000_000),
    Line("New energy", "Energy storage", "battery storage systems", "GWh", 1, 40),
    Line("New energy", "Solar modules", "solar modules", "GW", 1, 20),
    Line("New energy", "Charging equipment", "charging piles", "", 10_000, 300_000),
    Line("Cold chain", "Commercial refrigeration", "cold-storage units", "sets", 5_000, 100_000),
    Line("Medical", "Medical devices", "medical devices", "sets", 10_000, 500_000),
    Line("Logistics", "Logistics parks", "warehouse space", "square metres", 50_000, 600_000),
]

FACILITIES = [
    "plant",
    "production base",
    "industrial park",
    "smart factory",
    "R&D centre",
    "manufacturing hub",
    "assembly line",
]

AWARDS = [
    "a national green factory title",
    "a provincial quality award",
    "an energy-efficiency leader award",
    "an industrial design prize",
    "a smart-manufacturing demonstration title",
    "a best employer award",
    "an export excellence award",
]

FAIRS = [
    "the Canton Fair",
    "the China Refrigeration Expo",
    "AHR Expo",
    "the Appliance and Electronics World Expo",
    "IFA Berlin",
    "Chillventa",
    "the China International Import Expo",
]

PUBLISHERS = [
    "Wuhu Daily",
    "Ningbo Evening News",
    "Anhui Provincial Development and Reform Commission",
    "China Industry News",
    "Xinhua",
    "Appliance Insider",
    "Regional Investment Bulletin",
    "Vietnam Investment Review",
    "Bangkok Business Times",
    "Reuters",
]

FIRST_NAMES = ["Li", "Wang", "Zhang", "Chen", "Liu", "Yang", "Zhao", "Huang", "Zhou", "Wu"]
GIVEN_NAMES = ["Jian", "Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Tao", "Hui", "Xin"]

# Generic sentences for article bodies; {unit}, {city}, {product}, {year} and {n} are filled in.
SENTENCES = [
    "{unit} said the work in {city} would be carried out in two phases over the coming years.",
    "Local officials attended the ceremony and pledged support with land, power and permits.",
    "The company expects the new lines to shorten delivery times for customers across the region.",
    "Engineers from the headquarters in Ningbo will train the first {n} technicians on site.",
    "Demand for efficient {product} has risen steadily, driven by replacement cycles and exports.",
    "The project is part of the group's plan to bring production closer to its customers.",
    "Automated warehouses and guided vehicles will move parts between the workshops.",
    "Rooftop solar panels are expected to cover a share of the site's electricity needs.",
    "Suppliers of castings, copper tube and electronics are expected to follow to the area.",
    "The local government described the investment as one of the largest in the zone this year.",
    "Construction crews have completed the foundations of the main workshop ahead of schedule.",
    "Managers said safety and quality checks would be carried out at every stage of the build.",
    "Output from the plant will be sold in the domestic market and exported to {n} countries.",
    "The group has invested in research on variable-speed drives and low-emission refrigerants.",
    "Officials in {city} said the project would create jobs for graduates of local colleges.",
    "A training centre on the site will offer courses for technicians and maintenance staff.",
    "The company did not disclose the terms of the agreement beyond the figures above.",
    "Trial production is planned once equipment has been installed and tested.",
    "Energy use per unit will fall by about a fifth compared with the older lines, it said.",
    "The plant's layout allows a second phase to be added without stopping production.",
    "Industry analysts said the move reflected a wider shift of manufacturing inland.",
    "{unit} reported that orders for the coming season were higher than a year earlier.",
    "The new products meet the latest national energy-efficiency standard, the company said.",
    "Customers can follow the status of their orders through the company's service platform.",
    "The design centre will work on quieter outdoor units and smarter controls.",
    "Waste heat from the test rooms will be recovered to warm the office buildings.",
    "A digital twin of the factory is used to plan changes before they are made on the floor.",
    "The company said it would keep investing in {product} despite slower growth in some markets.",
    "Representatives of banks and suppliers signed cooperation agreements at the event.",
    "The first products are expected to leave the line in {year}.",
    "Employees volunteered to plant trees around the new site in spring.",
    "The site's wastewater is treated and reused for cooling and cleaning.",
    "Visitors from a trade delegation toured the assembly lines and the testing laboratory.",
    "According to the company, the lines can switch between models within minutes.",
    "Logistics partners will run daily trucks between the plant and the nearest port.",
    "The group's overseas sales have grown for several years in a row.",
    "Quality engineers test a sample of every batch in climate chambers.",
    "The company thanked the local authorities for their help in securing approvals quickly.",
    "A spokesperson said further details would be announced when the next phase begins.",
    "The new facility brings the group's number of production bases to {n}.",
]

QUOTES = [
    "We chose {city} because of its people, its ports and its suppliers.",
    "This project shows our commitment to quality and to the communities we work in.",
    "Every unit that leaves this line will use less energy than the one before it.",
    "We will build it fast, and we will build it safely.",
    "Our customers asked for shorter delivery times; this plant is our answer.",
]

HEADINGS = ["Background", "What happens next", "Key figures", "About the project", "The market"]

# Tags: topics, places, products, events, years, and Chinese tags.
# Approximate USD per unit, for the dated equivalents shown next to figures.
USD_PER_UNIT = {
    "CNY": "0.1390",
    "EUR": "1.0800",
    "THB": "0.0285",
    "IDR": "0.0000630",
    "MXN": "0.0560",
    "BRL": "0.1900",
    "EGP": "0.0205",
    "INR": "0.0120",
}
