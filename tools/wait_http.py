"""Wait until a URL answers (at most 120 s); exit 1 if it never does."""

import sys
import time
import urllib.request

url = sys.argv[1]
for _attempt in range(240):
    try:
        with urllib.request.urlopen(url, timeout=5):
            sys.exit(0)
    except OSError:
        time.sleep(0.5)
print(f"{url} did not answer", file=sys.stderr)
sys.exit(1)
