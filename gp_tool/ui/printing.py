"""Printing behind one small function, so tests (and Windows' native dialog) can stand in for it.

:func:`ask_printer` shows Qt's print dialog (printer, copies, "print to PDF") and returns the chosen
printer, or None when the GP cancels. Tests replace ``QPrintDialog.exec`` to accept with a PDF file as
the output (tech.md §6: QPrinter's PdfFormat works offscreen, no CUPS needed).
"""

from __future__ import annotations

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

__all__ = ["ask_printer", "print_document"]


def ask_printer(parent: QWidget | None, title: str) -> QPrinter | None:
    """An A4 printer chosen in the print dialog, or None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_document(parent: QWidget | None, document: QTextDocument, title: str) -> bool:
    """Print ``document`` on a printer the GP chooses; False when cancelled."""
    printer = ask_printer(parent, title)
    if printer is None:
        return False
    document.print_(printer)
    return True
