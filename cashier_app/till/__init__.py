"""Till hardware: the keyboard-wedge barcode scanner and the ESC/POS receipt printer.

``wedge`` tells a scanner's burst of keystrokes from typing (pure timing, Qt-free);
``wedge_filter`` is the Qt event filter that feeds it; ``printer_config`` is the
installation's printer setting and ``escpos_printer`` renders receipts and order-code
slips over python-escpos (Qt-free).
"""
