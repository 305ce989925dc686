"""Messages the core gives the user, marked for translation without Qt (the core never imports it).

``tr("District {name} has no workload.", name=name)`` gives a :class:`Message`: the English text,
formatted, that also keeps its template and values. ``pylupdate5`` collects the template like every
other ``tr()`` literal of the plugin; the QGIS layer (``ypo_plugin.i18n.translated``) shows the
message in the user's language by translating the template and formatting it again.
"""


class Message(str):
    """A text formatted from a translatable ``template`` with ``values`` (``disambiguation``: what
    tells two uses of the same English text apart for translators)."""

    template: str
    values: dict
    disambiguation: str | None

    def __new__(cls, template: str, values: dict, disambiguation: str | None = None):  # noqa: D102
        message = super().__new__(cls, template.format(**values) if values else template)
        message.template = template
        message.values = values
        message.disambiguation = disambiguation
        return message

    def __reduce__(self):
        return Message, (self.template, self.values, self.disambiguation)


def tr(template: str, disambiguation: str | None = None, **values) -> Message:
    """The message ``template`` (a literal, so it can be extracted), formatted with ``values``.

    ``disambiguation`` tells translators apart two uses of the same English text.
    """
    return Message(template, values, disambiguation)
