"""Printing behind one small function, so tests (and Windows' native dialog) can stand in for it.

:func:`ask_printer` shows Qt's print dialog (printer, copies, "print to PDF") and returns the chosen
printer, or None when the GP cancels. Tests replace ``QPrintDialog.exec`` to accept with a PDF file as
the output (tech.md §6: QPrinter's PdfFormat works offscreen, no CUPS needed).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

__all__ = ["ask_printer", "paint_document", "print_document"]


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


def print_document(parent: QWidget | None, document: QTextDocument, title: str, watermark: str = "") -> bool:
    """Print ``document`` on a printer the GP chooses (with ``watermark`` on every page); False when cancelled."""
    printer = ask_printer(parent, title)
    if printer is None:
        return False
    paint_document(document, printer, watermark)
    return True


def paint_document(document: QTextDocument, printer: QPrinter, watermark: str = "") -> None:
    """Print ``document`` page by page as :meth:`QTextDocument.print_` does, drawing ``watermark``
    (the course mark «KURS – fiktiv pasient», issue 9) diagonally across every page and in its top
    margin line, so no printed page of a course case can pass for a real patient's."""
    if not watermark:
        document.print_(printer)
        return
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        document.documentLayout().setPaintDevice(printer)
        body = printer.pageRect(QPrinter.Unit.DevicePixel)
        footer = QFontMetricsF(document.defaultFont(), printer).height() * 1.5  # room for the page number
        page = QRectF(0, 0, body.width(), body.height() - footer)
        document.setPageSize(page.size())
        for index in range(max(1, document.pageCount())):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
            painter.restore()
            draw_watermark(painter, page, watermark, printer.logicalDpiY())
            number = str(index + 1)  # the page number, where QTextDocument.print_ puts it
            painter.setFont(document.defaultFont())
            width = painter.fontMetrics().horizontalAdvance(number)
            painter.drawText(
                QPointF(page.right() - width, body.height() - painter.fontMetrics().descent()), number
            )
    finally:
        painter.end()


def draw_watermark(painter: QPainter, page: QRectF, text: str, dpi: int) -> None:
    """``text`` large, light and diagonal across ``page``, and small at its top edge."""
    painter.save()
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(12, int(dpi * 0.5)))  # about 36 pt
    font.setBold(True)
    painter.setFont(font)
    colour = QColor(160, 62, 0)
    colour.setAlphaF(0.18)
    painter.setPen(colour)
    painter.translate(page.center())
    painter.rotate(-35)
    width = painter.fontMetrics().horizontalAdvance(text)
    painter.drawText(QPointF(-width / 2, 0), text)
    painter.restore()
    painter.save()
    small = QFont("DejaVu Sans")
    small.setPixelSize(max(8, int(dpi * 0.12)))
    small.setBold(True)
    painter.setFont(small)
    painter.setPen(QColor(160, 62, 0))
    painter.drawText(QPointF(page.right() - painter.fontMetrics().horizontalAdvance(text), -dpi * 0.05), text)
    painter.restore()
