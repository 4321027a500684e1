"""The printable recovery sheet."""

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from app.ui.recovery_sheet import recovery_sheet


def test_the_sheet_carries_the_code_business_and_instructions(qapp: QApplication, tmp_path: Path) -> None:
    document = recovery_sheet("ABCDE-12345-FGHJK-67890-MNPQR-STVWX", "Lotus Inn <莲花客栈>")
    text = document.toPlainText()
    assert "ABCDE-12345-FGHJK-67890-MNPQR-STVWX" in text
    assert "Lotus Inn <莲花客栈>" in text  # escaped as text, not parsed as markup
    assert "facedesk recover" in text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "sheet.pdf"))
    document.print_(printer)
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
