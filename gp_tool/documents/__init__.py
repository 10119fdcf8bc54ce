"""Printed output (reportlab PDFs). Filled by the Notes issue; the only package that may import reportlab."""
