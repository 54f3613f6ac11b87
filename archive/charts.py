"""Charts drawn on the server as inline SVG: no script, no library, nothing fetched.

Each function takes plain values and returns one <svg> element as a string, every text escaped, with
role="img", an aria-label saying what it shows, and <title> tooltips giving the exact numbers: on
each bar, or on each month for every series in it. Colours come from Paul Tol's "muted" scheme,
which colour-blind readers tell apart too.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from archive.common.dates import MONTH_ABBREVIATIONS

WIDTH = 960
GUTTER = 190  # left of the plot: legends, row labels and the y axis
PLOT_LEFT, PLOT_RIGHT = GUTTER, WIDTH - 12
# A month's column is at most a twelfth of the plot: one month of articles is a column among a
# year's, not a block across the whole chart.
FEWEST_COLUMNS = 12


def column_step(months: Sequence[datetime.date]) -> float:
    return (PLOT_RIGHT - PLOT_LEFT) / max(len(months), FEWEST_COLUMNS)


PALETTE = ("#332288", "#88CCEE", "#117733", "#DDCC77", "#CC6677", "#AA4499", "#44AA99", "#999933", "#882255")
OTHER_COLOUR = "#BBBBBB"
HIT = ' class="hit" fill="transparent"'  # an invisible area that takes a month's hover and click
KEY_COLOUR = "#888888"  # a legend's neutral swatch, seen on the light and the dark theme


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str
    href: str = ""
    note: str = ""  # added to the tooltip, e.g. the entity's kind


@dataclass(frozen=True)
class Series:
    """Values per month for a stacked column chart; `href` is where its legend entry leads."""

    label: str
    values: Sequence[int]
    colour: str
    href: str = ""


@dataclass(frozen=True)
class Strip:
    """One row of a strip chart: `solid` and `pale` counts per month, pale stacked on solid;
    `href` is where the row's name leads."""

    label: str
    solid: Sequence[int]
    pale: Sequence[int]
    colour: str
    href: str = ""


@dataclass(frozen=True)
class LegendItem:
    label: str
    colour: str
    href: str = ""
    pale: bool = False


def bar_chart(bars: Sequence[Bar], *, label: str, unit: str, legend: Sequence[LegendItem] = ()) -> str:
    """Horizontal bars in the order given, the number at the end of each; `unit` is a singular noun."""
    row, top = 26, 34 if legend else 8
    height = top + row * len(bars) + 8
    right = PLOT_RIGHT - 64  # room for the number after the longest bar
    longest = max((bar.value for bar in bars), default=0) or 1
    parts = _legend_row(legend, x=PLOT_LEFT, y=10) if legend else []
    for index, bar in enumerate(bars):
        y = top + index * row
        width = max(2.0, (right - PLOT_LEFT) * bar.value / longest)
        tip = f"{bar.label}{f' ({bar.note})' if bar.note else ''}: {_count(bar.value, unit)}"
        mark = (
            _row_label(bar.label, y + 15)
            + _rect(PLOT_LEFT, y + 3, width, row - 8, f' rx="2" fill="{bar.colour}"', title=tip)
            + f'<text x="{PLOT_LEFT + width + 6:.1f}" y="{y + 15}" class="value">{bar.value:,}</text>'
        )
        parts.append(_link(mark, bar.href))
    summary = ", ".join(f"{bar.label} {bar.value:,}" for bar in bars)
    return _svg(height, f"{label}: {summary or 'none yet'}", parts)


def stacked_columns(
    months: Sequence[datetime.date],
    series: Sequence[Series],
    *,
    label: str,
    unit: str,
    column_hrefs: Sequence[str] = (),
) -> str:
    """A column per month, one stacked segment per series (the first at the bottom), its legend at
    the left and a round-numbered y axis. Each series is one path; each month is one titled area
    over its column, linked to `column_hrefs[month]`, so ten years of months stay a light page."""
    top, plot_height = 12, 220
    bottom = top + plot_height
    totals = [sum(s.values[index] for s in series) for index in range(len(months))]
    ticks = _ticks(max(totals, default=0))
    scale = plot_height / ticks[-1]
    step = column_step(months)
    parts = []
    for tick in ticks:
        y = bottom - tick * scale
        parts.append(f'<line x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{PLOT_LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" class="tick">{_short(tick)}</text>')
    parts += _year_lines(months, top, bottom)
    stacked = [0] * len(months)  # what lies under the next series, month by month
    for s in series:
        segments = []
        for index, value in enumerate(s.values):
            if value:
                segments.append(_segment(index, step, bottom - (stacked[index] + value) * scale, value * scale))
                stacked[index] += value
        parts.append(f'<path fill="{s.colour}" d="{"".join(segments)}"/>')
    for index, month in enumerate(months):
        if totals[index]:
            lines = [f"{s.label}: {s.values[index]:,}" for s in reversed(series) if s.values[index]]
            tip = "\n".join([f"{_month(month)}: {_count(totals[index], unit)}", *lines])
            area = _rect(PLOT_LEFT + index * step, top, step, plot_height, HIT, title=tip)
            parts.append(_link(area, column_hrefs[index] if column_hrefs else ""))
    parts += _month_axis(months, bottom)
    # The legend reads top to bottom as the stack does.
    legend = [LegendItem(s.label, s.colour, s.href) for s in reversed(series)]
    parts += _legend_column(legend, x=0, y=top, width=PLOT_LEFT - 56)
    summary = "; ".join(f"{s.label} {sum(s.values):,}" for s in series)
    span = f"{_month(months[0])} to {_month(months[-1])}" if months else "no months"
    return _svg(bottom + 40, f"{label}, {span}: {summary or 'none yet'}", parts)


def strip_chart(
    months: Sequence[datetime.date],
    strips: Sequence[Strip],
    *,
    label: str,
    unit: str,
    solid: str,
    pale: str,
    column_hrefs: Sequence[str] = (),
) -> str:
    """A row of small columns per strip, on the same month axis as stacked_columns so the two line
    up one under the other; every row shares one scale, so rows compare. As there, each month is
    one titled area over every row, linked to `column_hrefs[month]`."""
    row, top = 30, 24
    bottom = top + row * len(strips)
    step = column_step(months)
    totals = [sum(s.solid[index] + s.pale[index] for s in strips) for index in range(len(months))]
    highest = max((s.solid[i] + s.pale[i] for s in strips for i in range(len(months))), default=0) or 1
    scale = (row - 6) / highest
    key = [LegendItem(solid, KEY_COLOUR), LegendItem(pale, KEY_COLOUR, pale=True)]
    parts = _legend_row(key, x=PLOT_LEFT, y=4)
    parts += _year_lines(months, top, bottom)
    for number, strip in enumerate(strips):
        base = top + (number + 1) * row
        parts.append(f'<line x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{base}" y2="{base}" class="grid"/>')
        parts.append(_link(_row_label(strip.label, base - 9), strip.href))
        firm, tentative = [], []
        for index in range(len(months)):
            firm_height = max(2.0, strip.solid[index] * scale) if strip.solid[index] else 0.0
            pale_height = max(2.0, strip.pale[index] * scale) if strip.pale[index] else 0.0
            if firm_height:
                firm.append(_segment(index, step, base - firm_height, firm_height))
            if pale_height:
                tentative.append(_segment(index, step, base - firm_height - pale_height, pale_height))
        parts.append(f'<path fill="{strip.colour}" d="{"".join(firm)}"/>')
        parts.append(f'<path fill="{strip.colour}"{_pale(strip.colour)} d="{"".join(tentative)}"/>')
    for index, month in enumerate(months):
        if totals[index]:
            lines = [
                f"{s.label}: {s.solid[index]:,} {solid}" + (f", {s.pale[index]:,} {pale}" if s.pale[index] else "")
                for s in strips
                if s.solid[index] + s.pale[index]
            ]
            tip = "\n".join([f"{_month(month)}: {_count(totals[index], unit)}", *lines])
            area = _rect(PLOT_LEFT + index * step, top, step, bottom - top, HIT, title=tip)
            parts.append(_link(area, column_hrefs[index] if column_hrefs else ""))
    parts += _month_axis(months, bottom)
    summary = "; ".join(f"{s.label} {sum(s.solid):,} {solid}, {sum(s.pale):,} {pale}" for s in strips)
    return _svg(bottom + 40, f"{label}: {summary or 'none yet'}", parts)


def _segment(index: int, step: float, y: float, height: float) -> str:
    """A path's rectangle for month `index`, a little narrower than the step so columns stand apart."""
    gap = min(2.0, step * 0.2)
    return f"M{PLOT_LEFT + index * step + gap / 2:.1f} {y:.1f}h{step - gap:.1f}v{height:.1f}h{gap - step:.1f}z"


def _svg(height: float, label: str, parts: Sequence[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'role="img" aria-label="{_text(label)}" font-family="sans-serif" font-size="12">' + "".join(parts) + "</svg>"
    )


def _month_axis(months: Sequence[datetime.date], y: float) -> list[str]:
    """The baseline, then each year's number centred under its months (every month's initial too
    when the columns are wide enough)."""
    step = column_step(months)
    parts = [f'<line x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{y}" y2="{y}" class="axis"/>']
    if step >= 12:
        for index, month in enumerate(months):
            x = PLOT_LEFT + (index + 0.5) * step
            name = MONTH_ABBREVIATIONS[month.month - 1]
            text = name if step >= 28 else name[0]
            parts.append(f'<text x="{x:.1f}" y="{y + 14}" text-anchor="middle" class="tick">{text}</text>')
    year_y = y + (30 if step >= 12 else 16)
    for first, count in _years(months):
        if count * step >= 34:
            x = PLOT_LEFT + (first + count / 2) * step
            year = months[first].year
            parts.append(f'<text x="{x:.1f}" y="{year_y}" text-anchor="middle" class="year">{year}</text>')
    return parts


def _year_lines(months: Sequence[datetime.date], top: float, bottom: float) -> list[str]:
    """A faint line where each year begins, through the plot and down past the axis."""
    step = column_step(months)
    return [
        f'<line x1="{PLOT_LEFT + first * step:.1f}" x2="{PLOT_LEFT + first * step:.1f}" y1="{top}" '
        f'y2="{bottom + 20}" class="year-line"/>'
        for first, _ in _years(months)
        if first
    ]


def _years(months: Sequence[datetime.date]) -> list[tuple[int, int]]:
    """(index of its first month, number of months) for each year among the months."""
    years: list[tuple[int, int]] = []
    for index, month in enumerate(months):
        if years and months[years[-1][0]].year == month.year:
            years[-1] = (years[-1][0], years[-1][1] + 1)
        else:
            years.append((index, 1))
    return years


def _legend_column(items: Sequence[LegendItem], *, x: float, y: float, width: float) -> list[str]:
    chars = int(width // 7)
    return [
        _link(
            _swatch(item, x, y + index * 20)
            + f'<text x="{x + 18}" y="{y + index * 20 + 10}" class="label">{_text(_fit(item.label, chars))}'
            f"<title>{_text(item.label)}</title></text>",
            item.href,
        )
        for index, item in enumerate(items)
    ]


def _legend_row(items: Sequence[LegendItem], *, x: float, y: float) -> list[str]:
    parts = []
    for item in items:
        label = f'<text x="{x + 17}" y="{y + 10}" class="label">{_text(item.label)}</text>'
        parts.append(_link(_swatch(item, x, y) + label, item.href))
        x += 30 + 6.5 * len(item.label)
    return parts


def _swatch(item: LegendItem, x: float, y: float) -> str:
    return _rect(x, y, 12, 12, f' rx="2" fill="{item.colour}"' + (_pale(item.colour) if item.pale else ""))


def _row_label(label: str, y: float) -> str:
    """A bar's or a row's name, right-aligned against the plot; cut short when long (the tooltip says it all)."""
    return f'<text x="{PLOT_LEFT - 10}" y="{y}" text-anchor="end" class="label">{_text(_fit(label, 28))}</text>'


def _rect(x: float, y: float, width: float, height: float, attributes: str = "", *, title: str = "") -> str:
    rect = f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}"{attributes}'
    return f"{rect}><title>{_text(title)}</title></rect>" if title else f"{rect}/>"


def _pale(colour: str) -> str:
    """A tentative mark: a light tint of its colour, outlined in the colour itself."""
    return f' fill-opacity="0.3" stroke="{colour}" stroke-width="1"'


def _link(content: str, href: str) -> str:
    return f'<a href="{_text(href)}">{content}</a>' if href else content


def _ticks(highest: int) -> list[int]:
    """Zero to at least `highest` in four or five round steps (1, 2 or 5 times a power of ten)."""
    if highest <= 0:
        return [0, 1]
    rough = highest / 4
    power = 10 ** math.floor(math.log10(rough))
    step = max(1, int(next(factor * power for factor in (1, 2, 5, 10) if factor * power >= rough)))
    return list(range(0, math.ceil(highest / step) * step + 1, step))


def _count(number: int, unit: str) -> str:
    return f"{number:,} {unit}{'' if number == 1 else 's'}"


def _short(number: int) -> str:
    if number >= 1_000_000:
        return f"{number / 1_000_000:g}M"
    if number >= 10_000:
        return f"{number / 1000:g}k"
    return f"{number:,}"


def _month(day: datetime.date) -> str:
    return f"{MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def _fit(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _text(value: object) -> str:
    return escape(str(value), quote=True)
