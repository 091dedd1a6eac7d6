/// A small fixed archive for exact-output tests of `triage archive`: three records of 2021 and
/// four amendments, correctly hash-chained (written once through `ArchiveStore.append`).
///
/// - `…-0000000a` (high, TLP:AMBER): rotate-vendor-keys done; authority sent 2021-04-04T08:00Z,
///   so final-report (`1 month after authority.sent`) is due 2021-05-04T08:00Z; review-contract
///   is due in 2099.
/// - `…-0000000b` (low, TLP:RED): closed.
/// - `…-0000000c` (medium, runbook `regulated-saas`, which no folder has): regulator sent, so
///   regulator-followup (`2 business days after regulator.sent`) is due Mon 2021-04-19T09:00Z.
package let archiveFixtureDocuments: [(path: String, text: String)] = [
  (
    "amendments/2021/04/20210403T100000Z-000000a1.json",
    #"""
    {
      "format": "triage-amendment/1",
      "id": "20210403T100000Z-000000a1",
      "created_at": "2021-04-03T10:00:00Z",
      "record": "20210401T093000Z-0000000a",
      "record_sha256": "278ceeb7b7a2309b419b4602ee68488031b4bac68aff5a35050099358c26c02e",
      "responder": "Sam Lee",
      "change": {
        "type": "action-status",
        "action": "rotate-vendor-keys",
        "status": "done",
        "note": "Rotated at 09:00; old keys revoked."
      },
      "integrity": {
        "parents": [
          "fd71146b469c0d5448eae002b45d87120983d76591231bf1f52280627bf9337b"
        ],
        "sha256": "1718d523979fe3e68a77e914c2a97c3e088007197113fe5d57970ebe29737e37"
      }
    }
    """# + "\n"
  ),
  (
    "amendments/2021/04/20210404T080000Z-000000a2.json",
    #"""
    {
      "format": "triage-amendment/1",
      "id": "20210404T080000Z-000000a2",
      "created_at": "2021-04-04T08:00:00Z",
      "record": "20210401T093000Z-0000000a",
      "record_sha256": "278ceeb7b7a2309b419b4602ee68488031b4bac68aff5a35050099358c26c02e",
      "responder": "Sam Lee",
      "change": {
        "type": "notification-sent",
        "notification": "authority",
        "sent_at": "2021-04-04T08:00:00Z"
      },
      "integrity": {
        "parents": [
          "1718d523979fe3e68a77e914c2a97c3e088007197113fe5d57970ebe29737e37"
        ],
        "sha256": "b737d13056abc46fc32d35390025d4754d6f09c0a507c504d34cb356f3e1f604"
      }
    }
    """# + "\n"
  ),
  (
    "amendments/2021/04/20210405T090000Z-000000b1.json",
    #"""
    {
      "format": "triage-amendment/1",
      "id": "20210405T090000Z-000000b1",
      "created_at": "2021-04-05T09:00:00Z",
      "record": "20210402T120000Z-0000000b",
      "record_sha256": "18322e3a992a441a2904b0cbee1f8d2a2115875103f2b315b1aec02324f22e06",
      "responder": "Sam Lee",
      "change": {
        "type": "close",
        "note": "Globex confirmed no customer data left."
      },
      "integrity": {
        "parents": [
          "b737d13056abc46fc32d35390025d4754d6f09c0a507c504d34cb356f3e1f604"
        ],
        "sha256": "6156e6f282b563dd9018907526ea9aa00ad7611d824785ddb4f7f650a00edb55"
      }
    }
    """# + "\n"
  ),
  (
    "amendments/2021/04/20210415T090000Z-000000c1.json",
    #"""
    {
      "format": "triage-amendment/1",
      "id": "20210415T090000Z-000000c1",
      "created_at": "2021-04-15T09:30:00Z",
      "record": "20210415T080000Z-0000000c",
      "record_sha256": "fd71146b469c0d5448eae002b45d87120983d76591231bf1f52280627bf9337b",
      "responder": "Sam Lee",
      "change": {
        "type": "notification-sent",
        "notification": "regulator",
        "sent_at": "2021-04-15T09:00:00Z"
      },
      "integrity": {
        "parents": [
          "6156e6f282b563dd9018907526ea9aa00ad7611d824785ddb4f7f650a00edb55"
        ],
        "sha256": "92ead002a7dfb5847f22f01c056e9a2b5341f4fde9e6e9fc866ecd37ce751edf"
      }
    }
    """# + "\n"
  ),
  (
    "records/2021/04/20210401T093000Z-0000000a.json",
    #"""
    {
      "format": "triage-record/1",
      "id": "20210401T093000Z-0000000a",
      "created_at": "2021-04-01T09:30:00Z",
      "runbook": {
        "id": "vendor-breach",
        "version": "1.0.0",
        "sha256": "0000000000000000000000000000000000000000000000000000000000000000"
      },
      "responder": "Dana Ortiz",
      "mode": "answers-file",
      "tlp": "TLP:AMBER",
      "answers": {
        "vendor": "Acme",
        "discovered_at": "2021-04-01T09:00:00Z",
        "personal_data": true,
        "records": 1200,
        "exposure": [
          "credentials"
        ]
      },
      "trail": [],
      "unused": {},
      "derived": {},
      "severity": "high",
      "decision": "Notify the authority about Acme.",
      "actions": [
        {
          "id": "rotate-vendor-keys",
          "title": "Rotate the keys Acme held",
          "owner": "security lead",
          "due": "2021-04-02T09:00:00Z",
          "due_rule": "24h after discovered_at",
          "details": null,
          "status": "open"
        },
        {
          "id": "review-contract",
          "title": "Review the Acme contract, notice clause",
          "owner": "vendor manager",
          "due": "2099-01-01T00:00:00Z",
          "due_rule": "78 years after discovered_at",
          "details": null,
          "status": "open"
        }
      ],
      "notifications": [
        {
          "id": "authority",
          "to": "supervisory authority",
          "due": "2021-04-04T09:00:00Z",
          "due_rule": "72h after discovered_at",
          "basis": "GDPR Art. 33(1)",
          "draft": null,
          "status": "open"
        },
        {
          "id": "final-report",
          "to": "supervisory authority",
          "due": "pending",
          "due_rule": "1 month after authority.sent",
          "basis": "GDPR Art. 33(4)",
          "draft": null,
          "status": "open"
        }
      ],
      "integrity": {
        "parents": [],
        "sha256": "278ceeb7b7a2309b419b4602ee68488031b4bac68aff5a35050099358c26c02e"
      }
    }
    """# + "\n"
  ),
  (
    "records/2021/04/20210402T120000Z-0000000b.json",
    #"""
    {
      "format": "triage-record/1",
      "id": "20210402T120000Z-0000000b",
      "created_at": "2021-04-02T12:00:00Z",
      "runbook": {
        "id": "vendor-breach",
        "version": "1.0.0",
        "sha256": "0000000000000000000000000000000000000000000000000000000000000000"
      },
      "responder": "Dana Ortiz",
      "mode": "answers-file",
      "tlp": "TLP:RED",
      "answers": {
        "vendor": "Globex",
        "discovered_at": "2021-04-02T08:00:00Z",
        "personal_data": false,
        "exposure": [
          "source-code"
        ]
      },
      "trail": [],
      "unused": {},
      "derived": {},
      "severity": "low",
      "decision": "No immediate action, but monitor Globex.",
      "actions": [
        {
          "id": "watch-statements",
          "title": "Watch Globex's statements",
          "owner": "analyst",
          "due": "2021-05-02T12:00:00Z",
          "due_rule": "30 days after recorded",
          "details": null,
          "status": "open"
        }
      ],
      "notifications": [],
      "integrity": {
        "parents": [
          "278ceeb7b7a2309b419b4602ee68488031b4bac68aff5a35050099358c26c02e"
        ],
        "sha256": "18322e3a992a441a2904b0cbee1f8d2a2115875103f2b315b1aec02324f22e06"
      }
    }
    """# + "\n"
  ),
  (
    "records/2021/04/20210415T080000Z-0000000c.json",
    #"""
    {
      "format": "triage-record/1",
      "id": "20210415T080000Z-0000000c",
      "created_at": "2021-04-15T08:00:00Z",
      "runbook": {
        "id": "regulated-saas",
        "version": "1.0.0",
        "sha256": "0000000000000000000000000000000000000000000000000000000000000000"
      },
      "responder": "Dana Ortiz",
      "mode": "answers-file",
      "tlp": "TLP:AMBER",
      "answers": {
        "vendor": "Initech",
        "discovered_at": "2021-04-15T07:00:00Z"
      },
      "trail": [],
      "unused": {},
      "derived": {},
      "severity": "medium",
      "decision": "Tell the regulator, then follow up.",
      "actions": [],
      "notifications": [
        {
          "id": "regulator",
          "to": "financial regulator",
          "due": "2021-04-16T07:00:00Z",
          "due_rule": "24h after discovered_at",
          "basis": null,
          "draft": null,
          "status": "open"
        },
        {
          "id": "regulator-followup",
          "to": "financial regulator",
          "due": "pending",
          "due_rule": "2 business days after regulator.sent",
          "basis": null,
          "draft": null,
          "status": "open"
        }
      ],
      "integrity": {
        "parents": [
          "18322e3a992a441a2904b0cbee1f8d2a2115875103f2b315b1aec02324f22e06"
        ],
        "sha256": "fd71146b469c0d5448eae002b45d87120983d76591231bf1f52280627bf9337b"
      }
    }
    """# + "\n"
  ),
]
