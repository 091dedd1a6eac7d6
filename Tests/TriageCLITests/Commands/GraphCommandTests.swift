import Testing
import TriageCLI
import TriageTestSupport

/// `triage graph` in-process: the structure of both formats for a small runbook, whole.
@Suite struct GraphCommandTests {
  static let files = ["/w/mini.yaml": SampleRunbooks.mini]

  @Test func drawsMermaidByDefault() {
    let run = InProcessRun(["graph", "mini.yaml"], files: Self.files)
    #expect(run.exit == .success)
    #expect(run.error == "")
    #expect(
      run.output == #"""
        flowchart TD
          start(["start"])
          done(["done"])
          subgraph section_basics["basics: Basics"]
            q_vendor["vendor (text)<br/>Which vendor?"]
            q_kind["kind (choice)<br/>What kind of vendor is #123;#123;vendor#125;#125;?"]
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
            decision_1("decision: Rotate now.")
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
    let run = InProcessRun(["graph", "mini.yaml", "--format", "dot"], files: Self.files)
    #expect(run.exit == .success)
    #expect(run.error == "")
    #expect(
      run.output == #"""
        digraph "mini" {
          rankdir=TB;
          node [shape=box, style=rounded, fontname="Helvetica"];
          edge [fontname="Helvetica", fontsize=10];
          "start" [label="start", shape=oval, style=solid];
          "done" [label="done", shape=oval, style=solid];
          subgraph "cluster_section_basics" {
            label="basics: Basics";
            "q_vendor" [label="vendor (text)\nWhich vendor?"];
            "q_kind" [label="kind (choice)\nWhat kind of vendor is {{vendor}}?"];
            "q_exposed" [label="exposed (yesno)\nWere we exposed?"];
          }
          subgraph "cluster_section_details" {
            label="details: Details";
            "q_count" [label="count (number)\nHow many keys?"];
          }
          subgraph "cluster_derived_values" {
            label="derived values";
            "d_big" [label="big = count > 10", shape=hexagon, style=solid];
          }
          subgraph "cluster_outcomes_severity" {
            label="severity (first match)";
            "severity_1" [label="severity: high", style="rounded,filled", fillcolor="#eeeeee"];
            "severity_2" [label="severity: low", style="rounded,filled", fillcolor="#eeeeee"];
          }
          subgraph "cluster_outcomes_decision" {
            label="decision (first match)";
            "decision_1" [label="decision: Rotate now.", style="rounded,filled", fillcolor="#eeeeee"];
            "decision_2" [label="decision: Monitor.", style="rounded,filled", fillcolor="#eeeeee"];
          }
          subgraph "cluster_outcomes_actions" {
            label="actions";
            "action_rotate" [label="action: Rotate keys\nsecurity lead, 24h after recorded", style="rounded,filled", fillcolor="#eeeeee"];
          }
          subgraph "cluster_outcomes_notifications" {
            label="notifications";
            "notify_clients" [label="notify: clients\n72h after recorded", style="rounded,filled", fillcolor="#eeeeee"];
          }
          "start" -> "q_vendor";
          "q_vendor" -> "q_kind";
          "q_kind" -> "q_exposed" [label="when: kind == 'saas'"];
          "q_kind" -> "q_count" [label="skip", style=dashed];
          "q_exposed" -> "q_count" [label="section when: exposed"];
          "q_count" -> "done";
          "q_exposed" -> "done" [label="skip section", style=dashed];
          "q_count" -> "d_big" [style=dotted, color="#888888"];
          "d_big" -> "severity_1" [style=dotted, color="#888888"];
          "done" -> "severity_2" [style=dotted, color="#888888"];
          "q_exposed" -> "decision_1" [style=dotted, color="#888888"];
          "done" -> "decision_2" [style=dotted, color="#888888"];
          "d_big" -> "action_rotate" [style=dotted, color="#888888"];
          "q_exposed" -> "notify_clients" [style=dotted, color="#888888"];
          "d_big" -> "notify_clients" [style=dotted, color="#888888"];
        }

        """#)
  }

  @Test func refusesAnUnknownFormatAsAUsageError() {
    let run = InProcessRun(["graph", "mini.yaml", "--format", "svg"], files: Self.files)
    #expect(run.exit == .usage)
    #expect(run.error == "triage: unknown graph format 'svg'; use mermaid or dot\n")
  }

  @Test func reportsAMissingRunbookWithExit66() {
    let byPath = InProcessRun(["graph", "gone.yaml"], files: Self.files)
    #expect(byPath.exit == .noInput)
    #expect(byPath.error == "triage: gone.yaml: no such file\n")
    let byID = InProcessRun(["graph", "no-such-runbook"], files: Self.files)
    #expect(byID.exit == .noInput)
    #expect(byID.error.hasPrefix("triage: no runbook with id 'no-such-runbook' in "))
  }

  @Test func reportsABrokenRunbookWithExit65() {
    let run = InProcessRun(["graph", "bad.yaml"], files: ["/w/bad.yaml": SampleRunbooks.bad])
    #expect(run.exit == .dataError)
    #expect(run.error.hasPrefix("triage: bad.yaml:11:15: "), "\(run.error)")
    #expect(run.output == "")
  }

  @Test func explainsItselfAndTakesRunbooksFolders() {
    let run = InProcessRun(["graph", "--help"])
    #expect(run.exit == .success)
    #expect(run.output.hasPrefix("OVERVIEW: "))
    #expect(run.output.contains("--runbooks <dir>"))
  }
}
