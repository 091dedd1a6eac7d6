/// `docs/check-proof.py`, as the audit bundle carries it: checks an inclusion proof with
/// Python's standard library alone (hashlib, base64).
///
/// A copy of the file in the repository, so that the binary carries it wherever it is
/// installed; a test keeps the two the same.
package enum CheckProofScript {
  /// The script's name in a bundle.
  package static let fileName = "check-proof.py"

  /// The script's text.
  package static let text = #"""
    #!/usr/bin/env python3
    """Check a triage inclusion proof without triage: check-proof.py PROOF RECORD CHECKPOINT.

    Leaf = SHA-256(0x00 || the record file's bytes); node = SHA-256(0x01 || left || right); the
    audit path is climbed as RFC 9162 section 2.1.3.2 says. Exit 0 if the record is in the
    checkpoint's tree, 1 if not. Uses only the standard library (hashlib, base64)."""
    import base64, hashlib, sys

    def h(*parts):
        return hashlib.sha256(b"".join(parts)).digest()

    def main(proof_path, record_path, checkpoint_path):
        lines = open(proof_path, encoding="utf-8").read().splitlines()
        if lines[0] != "triage-proof/1":
            sys.exit("not a triage-proof/1 file")
        origin, size, index, doc_id = lines[1], int(lines[2]), int(lines[3]), lines[4]
        leaf, path = bytes.fromhex(lines[5]), [bytes.fromhex(x) for x in lines[6:]]
        c_origin, c_size, c_root = open(checkpoint_path, encoding="utf-8").read().split("\n")[:3]
        if (origin, size) != (c_origin, int(c_size)):
            sys.exit("NOT included: the proof is for another log or tree size")
        if h(b"\x00", open(record_path, "rb").read()) != leaf:
            sys.exit("NOT included: the record's bytes do not hash to the proof's leaf")
        fn, sn, r = index, size - 1, leaf
        for p in path:
            if sn == 0:
                sys.exit("NOT included: the audit path is too long")
            if fn & 1 or fn == sn:
                r = h(b"\x01", p, r)
                while not fn & 1 and fn:
                    fn, sn = fn >> 1, sn >> 1
            else:
                r = h(b"\x01", r, p)
            fn, sn = fn >> 1, sn >> 1
        if sn != 0 or r != base64.b64decode(c_root):
            sys.exit("NOT included: the audit path does not lead to the checkpoint's root")
        print(f"Included: {doc_id} is leaf {index} of the {size} documents of {origin}")

    if __name__ == "__main__":
        main(*sys.argv[1:4])

    """#
}
