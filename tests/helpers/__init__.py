"""What the tests share: pictures, drawings, pages and photos made for them, hostile files,
notebook networks, strokes on the real canvas, the layout checks. Imported as
``helpers.<module>`` (the tests folder is on the path through its conftest).
"""
