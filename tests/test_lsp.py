"""``argmap lsp`` driven end to end as an editor drives it: the server in a subprocess, spoken to
over stdio by a language client (pytest-lsp)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from argmap.authoring.starter import render

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"]),
    scope="module",
    loop_scope="module",
)
async def client(lsp_client: LanguageClient, tmp_path_factory):
    folder = tmp_path_factory.mktemp("lsp")
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=folder.as_uri())
    )
    lsp_client.folder = folder  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def scenario(client: LanguageClient, name: str, edit=lambda s: s) -> tuple[str, str]:
    """Write the starter scenario and its source in the client's folder; its URI and text."""
    folder: Path = client.folder  # type: ignore[attr-defined]
    text, source = render(name, f"{Path(name).stem}-source.txt")
    (folder / f"{Path(name).stem}-source.txt").write_text(source, encoding="utf-8")
    path = folder / name
    text = edit(text)
    path.write_text(text, encoding="utf-8")
    return path.as_uri(), text


async def opened(client: LanguageClient, uri: str, text: str) -> list[types.Diagnostic]:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


def at(text: str, needle: str, offset: int = 0) -> types.Position:
    """The position of ``needle`` (plus ``offset`` characters) in ``text``."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return types.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))


async def test_a_valid_scenario_has_no_diagnostics(client):
    uri, text = scenario(client, "valid.yaml")
    assert await opened(client, uri, text) == []


async def test_diagnostics_come_with_codes_and_the_range_of_the_value(client):
    uri, text = scenario(client, "broken.yaml", lambda s: s.replace("parent: downton", "parent: dowtnon"))
    (d,) = await opened(client, uri, text)
    assert d.code == "E101" and d.source == "argmap" and d.severity == types.DiagnosticSeverity.Error
    assert "unknown actor 'dowtnon'" in d.message and "did you mean 'downton'?" in d.message
    start = at(text, "dowtnon")
    assert d.range == types.Range(start=start, end=types.Position(line=start.line, character=start.character + 7))


async def test_a_change_is_checked_again_while_typing(client):
    uri, text = scenario(client, "typing.yaml")
    assert await opened(client, uri, text) == []
    changed = text.replace("kind: prediction", "kind: guess")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    (d,) = client.diagnostics[uri]
    assert d.code == "E204" and d.range.start == at(changed, "guess")


async def test_hover_on_an_id_shows_what_it_names(client):
    uri, text = scenario(client, "hover.yaml")
    await opened(client, uri, text)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=at(text, "from: reed-bridge-sound", 8)
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "An inspection in March found the old bridge sound." in hover.contents.value
    assert "the old bridge was inspected in March and found sound" in hover.contents.value
    actor = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at(text, "parent: downton", 9))
    )
    assert actor is not None and "Downton" in actor.contents.value  # type: ignore[union-attr]


async def test_definition_and_references_of_an_id(client):
    uri, text = scenario(client, "refs.yaml")
    await opened(client, uri, text)
    doc = types.TextDocumentIdentifier(uri=uri)
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=at(text, "to: mayor-build-now", 5))
    )
    assert isinstance(found, types.Location) and found.range.start == at(text, "id: mayor-build-now", 4)
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc,
            position=at(text, "id: mayor-build-now", 4),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert refs is not None and len(refs) == 2
    assert {r.range.start.line for r in refs} == {
        at(text, "to: mayor-build-now}").line,
        text.count("\n", 0, text.rindex("to: mayor-build-now")),
    }


async def test_completion_offers_ids_and_enumerated_values(client):
    uri, text = scenario(client, "complete.yaml", lambda s: s.replace("actor: reed\n", "actor: up\n", 1))
    await opened(client, uri, text)
    doc = types.TextDocumentIdentifier(uri=uri)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc, position=at(text, "actor: up\n", 9))
    )
    assert isinstance(result, types.CompletionList)
    assert {i.label for i in result.items} == {"upton", "upton-mayor"}
    stance = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc, position=at(text, "stance: for", 8))
    )
    assert isinstance(stance, types.CompletionList)
    assert {i.label for i in stance.items} == {"for", "against", "neutral"}
    kinds = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc, position=at(text, "type: supports", 6))
    )
    assert {i.label for i in kinds.items} == {"supports", "attacks", "undercuts", "contradicts"}  # type: ignore[union-attr]


async def test_code_actions_fill_the_hash_and_replace_a_near_miss_quote(client):
    folder: Path = client.folder  # type: ignore[attr-defined]
    uri, text = scenario(
        client,
        "actions.yaml",
        lambda s: s.replace("no longer safe for lorries", "no longer safe for trucks").replace(
            "sha256: ", "sha256: " + "a" * 64 + "\n    note: was ", 1
        ),
    )
    codes = sorted(str(d.code) for d in await opened(client, uri, text))
    assert codes == ["E104", "E105"]
    doc = types.TextDocumentIdentifier(uri=uri)
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=200, character=0))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=doc, range=whole, context=types.CodeActionContext(diagnostics=[]))
    )
    assert actions is not None
    edits = {a.title.split(":")[0]: a.edit.changes[uri][0] for a in actions}  # type: ignore[union-attr]
    sha = hashlib.sha256((folder / "actions-source.txt").read_bytes()).hexdigest()
    assert edits["Set sha256 to the file's hash"].new_text == sha
    assert edits["Replace with the source's passage"].new_text == "the old one is no longer safe for lorries."


async def test_columns_are_counted_as_the_protocol_counts_them(client):
    uri, text = scenario(
        client,
        "wide.yaml",
        lambda s: s.replace("{id: reed, name: Councillor Reed,", "{id: reed, name: \U0001f642 Reed,").replace(
            "parent: downton}", "parent: dowtnon}"
        ),
    )
    (d,) = await opened(client, uri, text)
    line = text.split("\n")[d.range.start.line]
    before = line[: line.index("dowtnon")]
    assert d.range.start.character == len(before.encode("utf-16-le")) // 2 == len(before) + 1
