"""aligngraph.distributed on a real dask LocalCluster of two worker processes (no mocks): the
same bits as a local run; portfolios and results pickle."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from dask.distributed import Client, LocalCluster

import aligngraph as ag
import aligngraph.distributed as agd


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_chunks_end_at_block_boundaries():
    parts = agd.chunks(1000, 10_000, 3000)
    assert parts[0][0] == 1000 and sum(n for _, n in parts) == 10_000
    for (f, n), (g, _) in zip(parts, parts[1:]):
        assert f + n == g and (f + n) % 1024 == 0
    assert agd.chunks(0, 5, 4096) == [(0, 5)]


def test_a_cluster_run_is_the_local_run_to_the_bit(client):
    p = ag.Portfolio.sample()
    local = p.simulate(samples=20_000, seed=5, first=100, threads=2)
    remote = agd.simulate(p, samples=20_000, seed=5, first=100, client=client, chunk_samples=4096)
    assert remote.core.samples == 20_000 and remote.first == 100
    assert np.array_equal(remote.npv, local.npv)
    assert remote.summary().equals(local.summary())
    assert remote.spend().equals(local.spend()) and remote.load().equals(local.load())
    assert remote.initiatives().equals(local.initiatives())
    assert remote.finish_by().equals(local.finish_by())
    assert remote.tornado().equals(local.tornado())
    assert remote.rank_correlations().equals(local.rank_correlations())
    assert np.array_equal(remote.use_samples, local.use_samples)
    # The default chunking (a pilot, at least 0.1 s a chunk) gives the same bits too.
    auto = agd.simulate(p, samples=20_000, seed=5, first=100, client=client)
    assert np.array_equal(auto.npv, local.npv)


def test_a_selection_frequency_study_on_the_cluster_is_the_local_one(client):
    p = ag.Portfolio.sample()
    local = p.selection_frequency(scenarios=300, seed=3, first=10)
    for chunk in (64, None):  # chunks of one block, and the default sizing from a pilot
        remote = agd.selection_frequency(p, scenarios=300, seed=3, first=10, client=client, chunk_scenarios=chunk)
        assert remote.first == 10 and remote.scenarios == 300 and remote.proven == local.proven
        assert remote.selected.equals(local.selected)
        assert np.array_equal(remote.optimum, local.optimum)
        assert remote.frame().equals(local.frame())
        assert remote.expected_selection == local.expected_selection and remote.expected_value == local.expected_value
        assert remote.planned_selection == local.planned_selection
        assert np.array_equal(remote.core.npv_block_sums, local.core.npv_block_sums)
    # Refused before anything is sent; a chunk stopped by its time limit is named.
    with pytest.raises(ag.ValidationError, match="no-such-scenario"):
        agd.selection_frequency(p, scenarios=100, scenario="no-such-scenario", client=client)
    with pytest.raises(ag.NoSolutionError, match=r"scenarios 0\.\.63 stopped after 1"):
        agd.selection_frequency(p, scenarios=200, client=client, chunk_scenarios=64, time_limit=1e-6)


def test_sweeps_over_scenarios_are_the_local_calls(client):
    p = ag.Portfolio.sample()
    names = [None] + [s.id for s in p.scenarios]
    assert len(names) >= 3
    best = agd.optimize(p, client=client, per_task=1)
    assert list(best) == names
    for s, r in best.items():
        local = p.optimize(scenario=s)
        assert r.selected == local.selected and r.value == local.value and r.proven == local.proven
        assert r.budgets.equals(local.budgets) and r.left_out.equals(local.left_out) and r.displaced.equals(local.displaced)
    assert best[names[1]].core.scenario == names[1]
    curves = agd.frontier(p, names[1:], levels=6, max_factor=1.5, client=client)
    assert list(curves) == names[1:]
    for s, f in curves.items():
        local = p.frontier(levels=6, max_factor=1.5, scenario=s)
        assert len(f) == 6 and f.drop(columns="seconds").equals(local.drop(columns="seconds"))
    with pytest.raises(ag.ValidationError, match="unknown scenario 'nope'"):
        agd.optimize(p, [None, "nope"], client=client)
    with pytest.raises(ag.ValidationError, match="given twice"):
        agd.frontier(p, [names[1], names[1]], client=client)


def test_portfolios_and_results_pickle():
    p = ag.Portfolio.sample()
    again = pickle.loads(pickle.dumps(p))
    assert isinstance(again, ag.Portfolio) and again == p
    r = p.simulate(samples=3000, seed=2)
    back = pickle.loads(pickle.dumps(r))
    assert np.array_equal(back.npv, r.npv)
    assert back.summary().equals(r.summary()) and back.tornado().equals(r.tornado())
    assert back.spend().equals(r.spend()) and back.initiatives().equals(r.initiatives())
    assert np.array_equal(back.core.block_sums, r.core.block_sums) and np.array_equal(back.core.counts, r.core.counts)
    o = p.optimize()
    again = pickle.loads(pickle.dumps(o))
    assert again.selected == o.selected and again.value == o.value and again.objective == o.objective
    assert again.budgets.equals(o.budgets) and again.left_out.equals(o.left_out) and again.displaced.equals(o.displaced)
    assert repr(again) == repr(o) and again.core.seconds == o.core.seconds


def test_import_aligngraph_needs_no_dask():
    import subprocess
    import sys

    code = "import sys, aligngraph, aligngraph.distributed; assert 'dask' not in sys.modules and 'distributed' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).returncode == 0


def test_back_to_back_runs_on_one_client(client):
    # Each call scatters the model under a key of its own: with a key from the content, a call
    # could reuse the key the previous call was still releasing ("lost dependencies", seen
    # about once in 40 calls).
    p = ag.Portfolio.sample()
    local = p.simulate(samples=3000, seed=1, threads=1)
    for _ in range(12):
        assert np.array_equal(agd.simulate(p, samples=3000, seed=1, client=client, chunk_samples=1024).npv, local.npv)
