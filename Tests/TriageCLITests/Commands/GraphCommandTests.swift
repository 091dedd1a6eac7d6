import Testing
import TriageCLI
import TriageTestSupport

/// `triage graph` in-process: the structure of both formats for a small runbook, whole.
@Suite struct GraphCommandTests {
  @Test func drawsMermaidByDefault() {
    InProcessRun.expectOutput(
      of: ["graph", "mini.yaml"],
      is: #"""
        flowchart TD
          start(["start"])
          done(["done"])
          subgraph section_basics["basics: Basics"]
            q_vendor["vendor (text)<br/>Which vendor?"]
            q_kind["kind (choice)<br/>What kind of vendor is ‹vendor›?"]
            q_exposed["exposed (yesno)<br/>Were we exposed?"]
          end
          subgraph section_details["details: Details"]
            q_count["count (number)<br/>How many keys?"]
          end
          subgraph derived_values["derived values"]
            d_big{{"big = count #gt; 10"}}
          end
          subgraph outcomes_severity["severity (first match)"]
            severity_1("severity: high")
            severity_2("severity: low")
          end
          subgraph outcomes_decision["decision (first match)"]
            decision_1("decision: Contain now.")
            decision_2("decision: Monitor.")
          end
          subgraph outcomes_actions["actions"]
            action_rotate("action: Rotate keys<br/>security lead, 24h after recorded")
          end
          subgraph outcomes_notifications["notifications"]
            notify_clients("notify: clients<br/>72h after recorded")
          end
          start --> q_vendor
          q_vendor --> q_kind
          q_kind -->|"when: kind == 'saas'"| q_exposed
          q_kind -.->|"skip"| q_count
          q_exposed -->|"section when: exposed"| q_count
          q_count --> done
          q_exposed -.->|"skip section"| done
          q_count -.-> d_big
          d_big -.-> severity_1
          done -.-> severity_2
          q_exposed -.-> decision_1
          done -.-> decision_2
          d_big -.-> action_rotate
          q_exposed -.-> notify_clients
          d_big -.-> notify_clients

        """#)
  }

  @Test func drawsDot() {
    InProcessRun.expectOutput(
      of: ["graph", "mini.yaml", "--format", "dot"],
      is: #"""
        digraph "mini" {
          rankdir=TB;
          newrank=true;
          nodesep=0.15;
          ranksep=0.3;
          node [shape=box, style=rounded, fontname="Helvetica"];
          edge [fontname="Helvetica", fontsize=10];
          "start" [label="start", shape=oval, style=solid];
          "done" [label="done", shape=oval, style=solid];
          subgraph "cluster_section_basics" {
            label="basics: Basics";
            "q_vendor" [label="vendor (text)\nWhich vendor?"];
            "q_kind" [label="kind (choice)\nWhat kind of vendor is ‹vendor›?"];
            "q_exposed" [label="exposed (yesno)\nWere we exposed?"];
          }
          subgraph "cluster_section_details" {
            label="details: Details";
            "q_count" [label="count (number)\nHow many keys?"];
          }
          "decision_1" [label="decision: Contain now.", style="rounded,filled", fillcolor="#eeeeee"];
          "d_big" [label="big = count > 10", shape=hexagon, style=solid];
          "severity_1" [label="severity: high", style="rounded,filled", fillcolor="#eeeeee"];
          "action_rotate" [label="action: Rotate keys\nsecurity lead, 24h after recorded", style="rounded,filled", fillcolor="#eeeeee"];
          "notify_clients" [label="notify: clients\n72h after recorded", style="rounded,filled", fillcolor="#eeeeee"];
          "severity_2" [label="severity: low", style="rounded,filled", fillcolor="#eeeeee"];
          "decision_2" [label="decision: Monitor.", style="rounded,filled", fillcolor="#eeeeee"];
          "decision_1" -> "d_big" [style=invis, weight=10];
          "d_big" -> "severity_1" [style=invis, weight=10];
          "severity_1" -> "action_rotate" [style=invis, weight=10];
          "action_rotate" -> "notify_clients" [style=invis, weight=10];
          "notify_clients" -> "severity_2" [style=invis, weight=10];
          "severity_2" -> "decision_2" [style=invis, weight=10];
          "start" -> "q_vendor" [weight=10];
          "q_vendor" -> "q_kind" [weight=10];
          "q_kind" -> "q_exposed" [label="when: kind == 'saas'", weight=10];
          "q_kind" -> "q_count" [label="skip", style=dashed];
          "q_exposed" -> "q_count" [label="section when: exposed", weight=10];
          "q_count" -> "done" [weight=10];
          "q_exposed" -> "done" [label="skip section", style=dashed];
          "q_count" -> "d_big" [style=dotted, color="#888888"];
          "d_big" -> "severity_1" [style=dotted, color="#888888"];
          "done" -> "severity_2" [style=dotted, color="#888888"];
          "q_exposed" -> "decision_1" [style=dotted, color="#888888"];
          "done" -> "decision_2" [style=dotted, color="#888888"];
          "d_big" -> "action_rotate" [style=dotted, color="#888888"];
          "q_exposed" -> "notify_clients" [style=dotted, color="#888888", constraint=false];
          "d_big" -> "notify_clients" [style=dotted, color="#888888"];
        }

        """#)
  }

  @Test func refusesAnUnknownFormatAsAUsageError() {
    let run = InProcessRun(
      ["graph", "mini.yaml", "--format", "svg"], files: InProcessRun.miniFiles)
    #expect(run.exit == .usage)
    #expect(run.error == "triage: unknown graph format 'svg'; use mermaid or dot\n")
  }
}
