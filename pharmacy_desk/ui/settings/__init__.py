"""设置 (the owner's): one window, one small page class per group of rules.

Each page builds its fields from the setting declarations (``core/setting_declarations.py``)
and has ``load`` and ``pending``; the pages are registered in one place, ``pages.PAGES``,
and the window saves what every page would change in one step (``core/owner_settings``).
"""
