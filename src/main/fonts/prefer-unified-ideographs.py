"""Rewrites a CJK font's cmap so that PDF text extraction returns unified ideographs.

Noto Sans SC draws e.g. the Kangxi radical U+2F26 and the ideograph U+5B50 (zi) with one glyph. PDF writers
(PDFBox, used by openhtmltopdf) give each glyph one Unicode value in the PDF's ToUnicode map, the lowest code
point, so copying or searching text in the letter would yield radicals instead of the characters. This drops
the mappings of radicals and compatibility ideographs whose glyph also serves another code point; nothing
else changes. Usage: python3 prefer-unified-ideographs.py In.ttf Out.ttf (needs fontTools: python3-fonttools).
"""
import sys
from collections import defaultdict
from fontTools.ttLib import TTFont

VARIANT_RANGES = [(0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]


def is_variant(code):
    return any(low <= code <= high for low, high in VARIANT_RANGES)


def main(source, target):
    font = TTFont(source)
    dropped = set()
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        codes_by_glyph = defaultdict(list)
        for code, glyph in table.cmap.items():
            codes_by_glyph[glyph].append(code)
        for glyph, codes in codes_by_glyph.items():
            if any(not is_variant(code) for code in codes):
                for code in codes:
                    if is_variant(code):
                        del table.cmap[code]
                        dropped.add(code)
    font.save(target)
    print(f"dropped {len(dropped)} variant code points sharing a glyph with another code point")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
