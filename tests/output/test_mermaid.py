from journey_advisor.knowledge import catalog
from journey_advisor.knowledge.architecture import layers_for
from journey_advisor.output.mermaid import to_mermaid


def test_every_blueprint_has_a_four_layer_flow():
    graph = catalog.architecture()
    for blueprint_id in ("journey-optimizer", "campaign-v8", "campaign-v7"):
        assert [layer for layer, _ in layers_for(graph, blueprint_id)] == [
            "sources", "data", "orchestration", "channels"]


def test_integration_joins_where_the_pattern_says():
    graph = catalog.architecture()
    assert [layer for layer, _ in layers_for(graph, "campaign-v8", "ajo-with-campaign-v8")] == [
        "sources", "data", "integration", "orchestration", "channels"]
    assert [layer for layer, _ in layers_for(graph, "journey-optimizer", "third-party-messaging")] == [
        "sources", "data", "orchestration", "integration", "channels"]
    # a pattern that joins another blueprint changes nothing
    assert len(layers_for(graph, "journey-optimizer", "rtcdp-with-campaign-v8")) == 4


def test_every_integration_pattern_has_a_place_in_the_graph(rules):
    graph = catalog.architecture()
    assert set(graph["integrations"]) == {p.id for p in rules.integrations}


def test_mermaid_is_localized_and_escaped():
    t = catalog.localizer(["fr"])
    text = to_mermaid([("sources", ["sftp"]), ("channels", ["direct-mail"])], 'A "quoted" <title>', t)
    assert text.startswith("---\ntitle: \"A #quot;quoted#quot; #lt;title#gt;\"\n---\nflowchart LR\n")
    assert 'channels_direct_mail["publipostage direct"]' in text
    assert "  sources --> channels" in text
