"""Print layouts and output styles: the layout templates and their export, the sector maps'
pages and layers, the handover report layout, and the styles stored with algorithm outputs."""
