"""Thin Qt windows over pharmacy_desk.core."""
