"""Comparing two munisim outputs byte for byte, but for the provenance attributes of /meta that
docs/output-format.md lists (threads, wall times, host)."""
import h5py
import numpy as np


def provenance_attributes(repo_root):
    text = (repo_root / "docs" / "output-format.md").read_text()
    section = text.split("## Provenance", 1)[1].split("\n## ", 1)[0]
    return {cell.strip("` ") for line in section.splitlines() if line.startswith("| `")
            for cell in line.split("|")[1].split(",")}


def assert_identical_but_provenance(path_a, path_b, provenance):
    """Every group, dataset and attribute of the two files is equal, dataset bytes and dtypes included,
    except the attributes of /meta named in `provenance`."""
    with h5py.File(path_a) as a, h5py.File(path_b) as b:
        names = []
        a.visit(names.append)
        other = []
        b.visit(other.append)
        assert names == other
        for name in ["/"] + names:
            for key in a[name].attrs:
                if name == "/" or not (name == "meta" and key in provenance):
                    assert np.array_equal(np.asarray(a[name].attrs[key]), np.asarray(b[name].attrs[key])), (name, key)
            assert set(a[name].attrs) == set(b[name].attrs), name
            if isinstance(a[name], h5py.Dataset):
                values, others = np.asarray(a[name][()]), np.asarray(b[name][()])
                if values.dtype.kind == "O":  # texts: compare the strings, not their pointers
                    assert values.tolist() == others.tolist(), name
                else:
                    assert values.dtype == others.dtype and values.tobytes() == others.tobytes(), name
