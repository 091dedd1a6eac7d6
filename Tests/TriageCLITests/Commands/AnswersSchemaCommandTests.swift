import Testing
import TriageCLI
import TriageTestSupport

/// `triage answers-schema` in-process.
@Suite struct AnswersSchemaCommandTests {
  @Test func describesEveryAnswer() {
    InProcessRun.expectOutput(
      of: ["answers-schema", "mini.yaml"],
      is: #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Answers for runbook mini 1.0.0",
          "description": "A small runbook",
          "type": "object",
          "properties": {
            "runbook": {
              "const": "mini"
            },
            "responder": {
              "type": "string",
              "description": "Who answered."
            },
            "tlp": {
              "enum": [
                "TLP:RED",
                "TLP:AMBER+STRICT",
                "TLP:AMBER",
                "TLP:GREEN",
                "TLP:CLEAR"
              ]
            },
            "answers": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "vendor": {
                  "description": "Which vendor?",
                  "type": "string"
                },
                "kind": {
                  "description": "What kind of vendor is {{vendor}}?",
                  "type": "string",
                  "enum": [
                    "saas",
                    "tool"
                  ]
                },
                "exposed": {
                  "description": "Were we exposed?",
                  "enum": [
                    "yes",
                    "no",
                    "true",
                    "false",
                    true,
                    false
                  ],
                  "default": "no"
                },
                "count": {
                  "description": "How many keys?",
                  "anyOf": [
                    {
                      "type": "number",
                      "minimum": 1,
                      "maximum": 100
                    },
                    {
                      "type": "string",
                      "pattern": "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$"
                    }
                  ]
                }
              }
            }
          },
          "required": [
            "answers"
          ],
          "additionalProperties": false
        }

        """#)
  }
}
