"""The PDF writer: embedded fonts, searchable Chinese, one-page signs, no half-written files."""

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

from app.domain.documents import Document, DocumentStyle, Headline, Paragraph
from app.domain.errors import InvalidInputError
from app.ui.pdf_writer import repair_text_map, write_pdf
from tests.helpers.pdf_text import embedded_fonts, has_image, pdf_page_count, pdf_text


@pytest.mark.usefixtures("cjk_fonts")  # reads Chinese back from the PDF
def test_chinese_text_is_copied_and_searched_as_written(qapp, tmp_path: Path) -> None:
    """Noto CJK draws U+2F08 (a Kangxi radical) and U+4EBA (人) with one glyph; the text map must say 人."""
    out = write_pdf(
        Document("人脸识别", DocumentStyle.REPORT, (Paragraph("此处使用人脸识别。身份、用途、照片。"),)),
        tmp_path / "a.pdf",
    )
    text = pdf_text(out)
    assert "此处使用人脸识别。身份、用途、照片。" in text
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text)


@pytest.mark.usefixtures("cjk_fonts")  # reads Chinese back from the PDF
def test_simplified_characters_that_share_a_radicals_glyph_are_copied_as_written(qapp, tmp_path: Path) -> None:
    """居民, 部门 and 详见 were copied as 居⺠, 部⻔ and 详⻅ (CJK Radicals Supplement code points)."""
    sentence = "居民身份证，主管部门，详见长期马车、鱼鸟、风飞、页面、黄龙、西角、青贝、食骨、鬼麦、齐齿、龟母、雨韦。"
    out = write_pdf(Document("告知", DocumentStyle.REPORT, (Paragraph(sentence),)), tmp_path / "c.pdf")
    text = "".join(pdf_text(out).split())
    assert sentence in text
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text)


def test_english_words_are_not_joined_into_ligatures(qapp, tmp_path: Path) -> None:
    out = write_pdf(
        Document("Office", DocumentStyle.REPORT, (Paragraph("staff confirm efficient"),)), tmp_path / "b.pdf"
    )
    assert "staff confirm efficient" in pdf_text(out)


def test_the_text_map_repair_keeps_every_byte_in_place() -> None:
    cmap = (
        b"stream\n/CIDInit /ProcSet findresource begin\n2 beginbfrange\n<0001> <0003> [<2F08> <8138> <0041>]\n"
        b"endbfrange\nendcmap"
    )
    repaired = repair_text_map(b"%PDF-1.4\n" + cmap + b"\nendstream")
    assert b"[<4EBA> <8138> <0041>]" in repaired
    assert len(repaired) == len(cmap) + len(b"%PDF-1.4\n") + len(b"\nendstream")


def test_a_sign_with_long_business_details_still_fits_one_page(qapp, tmp_path: Path) -> None:
    long_text = "Lotus Inn Shanghai Hongqiao Airport Branch, privacy officer +86 21 5555 0123 ext. 8899. " * 4
    paragraphs = [Paragraph(long_text) for _ in range(8)]
    blocks = (Headline("此处使用人脸识别"), Headline("Facial recognition in use at this desk"), *paragraphs)
    out = write_pdf(Document("sign", DocumentStyle.SIGN, blocks), tmp_path / "sign.pdf")
    assert pdf_page_count(out) == 1
    assert not has_image(out)


def test_the_image_check_finds_a_picture_when_there_is_one(qapp, tmp_path: Path) -> None:
    """The leak checks of the document tests rely on has_image: shown here to see a real picture."""
    path = tmp_path / "picture.pdf"
    writer = QPdfWriter(str(path))
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc8844"))
    painter = QPainter(writer)
    painter.drawImage(0, 0, image)
    painter.end()
    del writer
    assert has_image(path)


def test_an_unwritable_place_gives_a_clear_message_and_leaves_nothing(qapp, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "sign.pdf"
    with pytest.raises(
        InvalidInputError, match=r"The folder .*missing-folder does not exist; sign\.pdf was not written"
    ):
        write_pdf(Document("sign", DocumentStyle.SIGN, (Headline("x"),)), target)
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


@pytest.mark.usefixtures("cjk_fonts")  # needs a Chinese font to embed
def test_every_font_is_embedded_so_chinese_prints_anywhere(qapp, tmp_path: Path) -> None:
    out = write_pdf(
        Document("人脸识别 Facial recognition", DocumentStyle.REPORT, (Paragraph("人工查验证件"),)), tmp_path / "f.pdf"
    )
    fonts = embedded_fonts(out)
    assert any("CJK" in name for name in fonts), fonts
    assert fonts and all(fonts.values()), fonts
