"""The folder under test/fixtures/reference/ a corpus script writes, emptied first so that a removed case leaves
no stale file behind."""
import os


def fresh_fixture_dir(name):
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'reference', name)
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        os.remove(os.path.join(out, f))
    return out
