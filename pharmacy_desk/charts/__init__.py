"""The owner's charts, drawn without Qt: the charts window shows them, ``report --pdf`` saves them.

``figures`` holds one ``ChartSpec`` per chart. Importing this package imports no
matplotlib; it is loaded when the first figure is made. Figures drawn here carry an
Agg canvas (files, tests); the window puts its own Qt canvas on them.
"""
