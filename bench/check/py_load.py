#!/usr/bin/env python3
"""Loads every YAML file of a content directory with PyYAML's C loader and prints the
seconds taken, wall and CPU (file reading included, interpreter start-up excluded): the reference
that bench/check/run.sh puts beside samrapport's own loading."""
import glob
import os
import sys
import time

import yaml

root = sys.argv[1]
paths = sorted(glob.glob(os.path.join(root, "*.yaml")) +
               glob.glob(os.path.join(root, "*", "*.yaml")))
start = time.perf_counter()
cpu = time.process_time()
for path in paths:
    with open(path, "rb") as f:
        yaml.load(f.read(), Loader=yaml.CSafeLoader)
print("%.4f %.4f" % (time.perf_counter() - start, time.process_time() - cpu))
