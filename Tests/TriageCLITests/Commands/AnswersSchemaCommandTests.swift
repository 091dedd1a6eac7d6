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
              "anyOf": [
                {
                  "enum": [
                    "TLP:RED",
                    "TLP:AMBER+STRICT",
                    "TLP:AMBER",
                    "TLP:GREEN",
                    "TLP:CLEAR"
                  ]
                },
                {
                  "type": "string",
                  "pattern": "^([Tt][Ll][Pp]:)?([Rr][Ee][Dd]|[Aa][Mm][Bb][Ee][Rr]\\+[Ss][Tt][Rr][Ii][Cc][Tt]|[Aa][Mm][Bb][Ee][Rr]|[Gg][Rr][Ee][Ee][Nn]|[Cc][Ll][Ee][Aa][Rr])$"
                }
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
                  "anyOf": [
                    {
                      "enum": [
                        "saas",
                        "tool"
                      ]
                    },
                    {
                      "type": "string",
                      "pattern": "^\\s*(?:saas|tool)\\s*$"
                    }
                  ]
                },
                "exposed": {
                  "description": "Were we exposed?",
                  "anyOf": [
                    {
                      "type": "boolean"
                    },
                    {
                      "enum": [
                        "yes",
                        "no",
                        "y",
                        "n",
                        "true",
                        "false"
                      ]
                    },
                    {
                      "type": "string",
                      "pattern": "^\\s*(?:[Yy][Ee][Ss]|[Nn][Oo]|[Yy]|[Nn]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\\s*$"
                    }
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
                      "pattern": "^\\s*[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?\\s*$"
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
