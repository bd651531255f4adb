"""Test helpers: look at PDFs the way a reader and a phone camera would."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import zxingcpp


def decode_qr_codes(pdf: Path, page_index: int = 0, dpi: int = 150) -> list[str]:
    """Render one PDF page to a bitmap and read every QR code on it."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[page_index].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format == zxingcpp.BarcodeFormat.QRCode]
