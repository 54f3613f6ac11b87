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


def test_the_stacked_columns_title_each_month_with_every_series_and_label_the_years():
    series = [Series("Dawn", [3, 0, 5], "#332288", href="/dawn/"), Series(HOSTILE, [1, 0, 2], "#BBBBBB")]
    svg = stacked_columns(MONTHS, series, label="Articles per month", unit="article", column_hrefs=["/11", "/12", "/1"])
    chart = parsed(svg)

    assert chart.get("aria-label") == f"Articles per month, Nov 2023 to Jan 2024: Dawn 8; {HOSTILE} 3"
    assert tooltips(chart) == [
        f"Nov 2023: 4 articles\n{HOSTILE}: 1\nDawn: 3",  # listed as stacked, top first
        f"Jan 2024: 7 articles\n{HOSTILE}: 2\nDawn: 5",
        HOSTILE,  # the legend's, in case its label is cut short
        "Dawn",
    ]
    # One path per series, a segment per month that has any; an empty month draws and links nothing.
    assert [path.get("d").count("M") for path in chart.iter(f"{SVG}path")] == [2, 2]
    assert [link.get("href") for link in chart.iter(f"{SVG}a")] == ["/11", "/1", "/dawn/"]
    texts = [text.text for text in chart.iter(f"{SVG}text")]
    assert {"2023", "2024", "Nov", "Dec", "Jan"} <= set(texts)
    assert "&amp; B &lt;c&gt; &quot;d&quot;" in svg


def test_a_strip_chart_tells_confirmed_from_proposed_in_each_month():
    strips = [
        Strip("Official visit", [1, 0, 2], [0, 0, 1], "#332288", href="/visits/"),
        Strip("Military strike", [0, 0, 1], [0, 0, 0], "#DDCC77", href="/strikes/"),
    ]
    svg = strip_chart(
        MONTHS,
        strips,
        label="Events",
        unit="event",
        solid="confirmed",
        pale="proposed",
        column_hrefs=["/a", "/b", "/c"],
    )
    chart = parsed(svg)

    assert chart.get("aria-label") == (
        "Events: Official visit 3 confirmed, 1 proposed; Military strike 1 confirmed, 0 proposed"
    )
    assert tooltips(chart) == [
        "Nov 2023: 1 event\nOfficial visit: 1 confirmed",
        "Jan 2024: 4 events\nOfficial visit: 2 confirmed, 1 proposed\nMilitary strike: 1 confirmed",
    ]
    assert [link.get("href") for link in chart.iter(f"{SVG}a")] == ["/visits/", "/strikes/", "/a", "/c"]


def test_charts_of_nothing_are_still_well_formed():
    for svg in [
        bar_chart([], label="Entities", unit="article"),
        stacked_columns([], [], label="Articles", unit="article"),
        strip_chart([], [], label="Events", unit="event", solid="confirmed", pale="proposed"),
    ]:
        assert parsed(svg).get("aria-label").endswith("none yet")


@pytest.mark.parametrize(
    ("highest", "ticks"),
    [(0, [0, 1]), (3, [0, 1, 2, 3]), (17, [0, 5, 10, 15, 20]), (7_500, [0, 2000, 4000, 6000, 8000])],
)
def test_the_y_axis_counts_in_round_steps(highest, ticks):
    assert _ticks(highest) == ticks
