"""``argmap lsp``: a language server for scenario files, over stdio.

Each open scenario is checked as ``argmap validate`` checks a file, on every change: every
diagnostic code, with the range of the value it is about. Ids hover with what they name, go to
their definition and their references, and complete (as do enumerated values); code actions
make the repairs ``argmap fix`` makes and replace a quote not found with its nearest passage.
"""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from argmap import __version__
from argmap.lsp.actions import actions_in
from argmap.lsp.document import Checked, Point, check_text, completions, describe, ids_at

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}


class ScenarioServer(LanguageServer):
    def __init__(self, search_path: tuple[Path, ...] = ()) -> None:
        super().__init__("argmap", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.search_path = search_path
        self.checked: dict[str, Checked] = {}

    def check(self, uri: str) -> Checked:
        document = self.workspace.get_text_document(uri)
        path = Path(to_fs_path(uri) or document.path)
        checked = check_text(document.source, path, self.search_path)
        self.checked[uri] = checked
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[_diagnostic(checked, d) for d in checked.diagnostics])
        )
        return checked

    def current(self, uri: str) -> Checked:
        return self.checked.get(uri) or self.check(uri)


# The protocol counts columns in UTF-16 code units; argmap in characters. They differ on a line
# holding a character beyond the Basic Multilingual Plane (an emoji, say).
def _units(line: str, col: int) -> int:
    return len(line[:col].encode("utf-16-le")) // 2


def _chars(line: str, units: int) -> int:
    count = 0
    for i, char in enumerate(line):
        if count >= units:
            return i
        count += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def _position(checked: Checked, point: Point) -> types.Position:
    lines = checked.lines
    line = lines[point[0]] if point[0] < len(lines) else ""
    return types.Position(line=point[0], character=_units(line, point[1]))


def _range_in(checked: Checked, start: Point, end: Point) -> types.Range:
    return types.Range(start=_position(checked, start), end=_position(checked, end))


def _point(checked: Checked, position: types.Position) -> Point:
    lines = checked.lines
    line = lines[position.line] if position.line < len(lines) else ""
    return (position.line, _chars(line, position.character))


def _diagnostic(checked: Checked, d: object) -> types.Diagnostic:
    from argmap.base.diagnostics import Diagnostic

    assert isinstance(d, Diagnostic)
    start, end = checked.range_of(d)
    message = d.message + (f"\n{d.hint}" if d.hint else "")
    if d.file and d.file != checked.path.name:
        message = f"{d.file}: {message}"
    return types.Diagnostic(
        range=_range_in(checked, start, end),
        message=message,
        severity=SEVERITY[d.severity],
        code=d.code,
        source="argmap",
    )


def make_server(search_path: tuple[Path, ...] = ()) -> ScenarioServer:
    server = ScenarioServer(search_path)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ScenarioServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ScenarioServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ScenarioServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ScenarioServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.checked.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ScenarioServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.current(params.text_document.uri)
        for ident in ids_at(checked, _point(checked, params.position)):
            text = describe(checked, ident)
            if text is not None:
                return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))
        return None

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ScenarioServer, params: types.DefinitionParams) -> types.Location | None:
        checked = ls.current(params.text_document.uri)
        for ident in ids_at(checked, _point(checked, params.position)):
            where = checked.definitions()[ident]
            return types.Location(uri=params.text_document.uri, range=_range_in(checked, where.start, where.end))
        return None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ScenarioServer, params: types.ReferenceParams) -> list[types.Location]:
        checked = ls.current(params.text_document.uri)
        uri = params.text_document.uri
        for ident in ids_at(checked, _point(checked, params.position)):
            found = list(checked.references(ident))
            if params.context.include_declaration:
                found.insert(0, checked.definitions()[ident])
            return [types.Location(uri=uri, range=_range_in(checked, s.start, s.end)) for s in found]
        return []

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", ":", ",", "["]))
    def complete(ls: ScenarioServer, params: types.CompletionParams) -> types.CompletionList:
        checked = ls.check(params.text_document.uri)
        items = [
            types.CompletionItem(label=value, detail=what, kind=types.CompletionItemKind.Value)
            for value, what in completions(checked, _point(checked, params.position))
        ]
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: ScenarioServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        checked = ls.current(params.text_document.uri)
        uri = params.text_document.uri
        out = []
        for action in actions_in(checked, _point(checked, params.range.start), _point(checked, params.range.end)):
            edit = types.TextEdit(range=_range_in(checked, action.start, action.end), new_text=action.new_text)
            out.append(
                types.CodeAction(
                    title=action.title,
                    kind=types.CodeActionKind.QuickFix,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        return out

    return server
