"""The SVG charts: well-formed, accessible, every name escaped and every mark titled with its number."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from archive.charts import Bar, LegendItem, Series, Strip, _ticks, bar_chart, stacked_columns, strip_chart

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'A & B <c> "d"'
MONTHS = [datetime.date(2023, 11, 1), datetime.date(2023, 12, 1), datetime.date(2024, 1, 1)]


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def tooltips(chart: ET.Element) -> list[str]:
    return [title.text for title in chart.iter(f"{SVG}title")]


def test_a_bar_chart_titles_each_bar_with_its_exact_number_and_links_it():
    chart = parsed(
        bar_chart(
            [Bar("Iran", 12_345, "#332288", href="/admin/iran/", note="Country"), Bar(HOSTILE, 7, "#88CCEE")],
            label="Most-mentioned entities",
            unit="article",
            legend=[LegendItem("Country", "#332288", href="/admin/?kind=country")],
        )
    )
    assert chart.get("role") == "img"
    assert chart.get("aria-label") == f"Most-mentioned entities: Iran 12,345, {HOSTILE} 7"
    assert tooltips(chart) == ["Iran (Country): 12,345 articles", f"{HOSTILE}: 7 articles"]
    assert [link.get("href") for link in chart.iter(f"{SVG}a")] == ["/admin/?kind=country", "/admin/iran/"]
    assert HOSTILE in "".join(chart.itertext())


def test_the_stacked_columns_stack_each_month_and_label_the_years():
    series = [Series("Dawn", [3, 0, 5], "#332288", href="/dawn/"), Series(HOSTILE, [1, 0, 2], "#BBBBBB")]
    svg = stacked_columns(MONTHS, series, label="Articles per month", unit="article", column_hrefs=["/11", "/12", "/1"])
    chart = parsed(svg)

    assert chart.get("aria-label") == f"Articles per month, Nov 2023 to Jan 2024: Dawn 8; {HOSTILE} 3"
    assert tooltips(chart) == [
        "Dawn, Nov 2023: 3 articles",
        f"{HOSTILE}, Nov 2023: 1 article",
        "Dawn, Jan 2024: 5 articles",
        f"{HOSTILE}, Jan 2024: 2 articles",
        HOSTILE,  # the legend's, in case its label is cut short
        "Dawn",
    ]
    # An empty month draws nothing, so links nothing.
    assert [link.get("href") for link in chart.iter(f"{SVG}a")] == ["/11", "/1", "/dawn/"]
    texts = [text.text for text in chart.iter(f"{SVG}text")]
    assert {"2023", "2024", "Nov", "Dec", "Jan"} <= set(texts)
    assert "&amp; B &lt;c&gt; &quot;d&quot;" in svg


def test_a_strip_chart_tells_confirmed_from_proposed_in_each_tooltip():
    strips = [Strip("Official visit", [1, 0, 2], [0, 0, 1], "#332288", href="/visits/", hrefs=["/a", "/b", "/c"])]
    chart = parsed(strip_chart(MONTHS, strips, label="Events", solid="confirmed", pale="proposed"))

    assert chart.get("aria-label") == "Events: Official visit 3 confirmed, 1 proposed"
    assert tooltips(chart) == [
        "Official visit, Nov 2023: 1 confirmed, 0 proposed",
        "Official visit, Jan 2024: 2 confirmed, 1 proposed",
    ]
    assert [link.get("href") for link in chart.iter(f"{SVG}a")] == ["/visits/", "/a", "/c"]


def test_charts_of_nothing_are_still_well_formed():
    for svg in [
        bar_chart([], label="Entities", unit="article"),
        stacked_columns([], [], label="Articles", unit="article"),
        strip_chart([], [], label="Events", solid="confirmed", pale="proposed"),
    ]:
        assert parsed(svg).get("aria-label").endswith("none yet")


@pytest.mark.parametrize(
    ("highest", "ticks"),
    [(0, [0, 1]), (3, [0, 1, 2, 3]), (17, [0, 5, 10, 15, 20]), (7_500, [0, 2000, 4000, 6000, 8000])],
)
def test_the_y_axis_counts_in_round_steps(highest, ticks):
    assert _ticks(highest) == ticks
