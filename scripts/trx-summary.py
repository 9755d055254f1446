#!/usr/bin/env python3
"""Sums the counters of every TRX file under a folder and prints `N passed, N failed, N skipped`.

Exits non-zero when no TRX file or no executed test is found, so a run that tested nothing never looks green.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def main(folder: str) -> int:
    files = sorted(pathlib.Path(folder).rglob("*.trx"))
    passed = failed = skipped = 0
    for trx in files:
        counters = ET.parse(trx).getroot().find(f"{NS}ResultSummary/{NS}Counters")
        if counters is None:
            continue
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
        skipped += int(counters.get("notExecuted", 0))
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 0 if files and passed + failed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "TestResults"))
