#pragma once
/// @file dual_simplex.hpp
/// A dense bounded dual simplex for the LP relaxations of the selection problem:
///
///   minimise c'x  s.t.  A x + s = b,  lo <= x <= up,  0 <= s <= s_up
///
/// Every variable is boxed (structural ones in [0, 1] or fixed, slacks in [0, s_up]), so
/// any basis is dual feasible once each nonbasic variable sits at the bound its reduced
/// cost asks for. Branch and bound therefore never needs a phase 1: a node changes bounds
/// and the dual simplex restarts from whatever basis the previous node left. Every iterate
/// is dual feasible, so its objective is a valid lower bound, and a solve can stop as
/// soon as that bound reaches a cutoff.
///
/// B^-1 is kept dense and refactorised from the original matrix every few dozen pivots, in
/// one of two forms chosen by A's density and shape when the LP is built:
/// - dense A (capital budgeting: few rows, budgets x periods, every initiative spending in
///   most): the whole tableau B^-1 [A I] (R x (n + R)), B^-1 its last R columns. A pivot
///   updates whole contiguous rows (eliminate_rows(), vectorised), and the leaving row and
///   entering column are read off it.
/// - sparse A (at most half its entries nonzero; the time-indexed models of scheduling have
///   four or five a column) with at least twice as many columns as rows (with fewer, B^-1 is
///   most of the tableau and reading its rows beats computing them: the sample model's 34
///   initiatives and 60 budget rows took 15% longer): B^-1 alone (R x R), with A's columns
///   kept sparse. A pivot computes only the tableau row it needs (B^-1's row r times A, at
///   the nonbasic columns) and the entering column (B^-1 times A's column), and updates
///   B^-1 alone: the same arithmetic on B^-1 without the n columns of B^-1 A. On the
///   scheduling benchmark's roadmaps 1.5-2 times the nodes a second; on dense Chu-Beasley
///   instances 10-60% slower than the whole tableau, hence the choice.
/// The leaving row is chosen by dual steepest edge with exact weights (the norms of B^-1's
/// rows), which takes fewer pivots than the largest violation.
/// Internal: used by select_portfolio(); tested directly through its optimality certificate.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SELECTION_DETAIL_DUAL_SIMPLEX
#endif

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "aligngraph/types.hpp"

#include "aligngraph/detail/limits.hpp"
#include "aligngraph/export.hpp"

namespace aligngraph::detail {

/// The pivot's elimination, the simplex's hot loop: row i -= column[i] * row r, for every
/// row i != r of a row-major rows x cols block (row stride `stride`) with column[i] != 0.
/// In dual_simplex-inl.hpp (compiled by src/selection_kernel.cpp), with AVX-512 and AVX2
/// versions chosen at load time where the processor has them (glibc on x86-64); the same
/// arithmetic, element by element, so the same results.
void eliminate_rows(double* tableau, Index stride, Index rows, Index cols, Index r, const double* column);

class BoxedDualSimplex {
public:
    enum class Status { optimal, infeasible, cutoff, iteration_limit, stopped };

    /// @param a R x n constraint matrix; @param b R right-hand sides; @param c n costs;
    /// @param slack_up R upper bounds of the slacks (>= 0). Structural bounds start at [0, 1].
    BoxedDualSimplex(const Eigen::MatrixXd& a, const Eigen::VectorXd& b, const Eigen::VectorXd& c,
                     const Eigen::VectorXd& slack_up)
        : rows_(a.rows()), n_(a.cols()), cols_(a.cols() + a.rows()), b_(b) {
        full_store_.resize(rows_, cols_);
        orig().leftCols(n_) = a;
        orig().rightCols(rows_).setIdentity();
        whole_ = 2 * (a.array() != 0).count() > rows_ * n_ || n_ < 2 * rows_;
        store_.resize(rows_, width());
        if (!whole_) list_columns();
        c_ = Eigen::VectorXd::Zero(cols_);
        c_.head(n_) = c;
        lo_ = Eigen::VectorXd::Zero(cols_);
        up_.resize(cols_);
        up_.head(n_).setOnes();
        up_.tail(rows_) = slack_up;
        x_ = Eigen::VectorXd::Zero(cols_);
        d_ = Eigen::VectorXd::Zero(cols_);
        basis_.resize(static_cast<std::size_t>(rows_));
        where_.assign(static_cast<std::size_t>(cols_), -1);
        for (Index r = 0; r < rows_; ++r) {
            basis_[r] = n_ + r;
            where_[n_ + r] = r;
        }
        list_nonbasic();
        refactor();
    }

    /// Become a copy of `other`, reusing this one's storage where it has the room (a
    /// copy for a trial, made many times, then costs no allocation).
    void assign(const BoxedDualSimplex& other) {
        if (this == &other) return;
        if (whole_ != other.whole_ || store_.rows() < other.rows_ || store_.cols() < other.width() ||
            full_store_.rows() < other.rows_ || full_store_.cols() < other.cols_) {
            *this = other;
            return;
        }
        rows_ = other.rows_;
        n_ = other.n_;
        cols_ = other.cols_;
        orig() = other.orig();
        stored() = other.stored();
        col_start_ = other.col_start_;
        col_row_ = other.col_row_;
        col_value_ = other.col_value_;
        b_ = other.b_;
        c_ = other.c_;
        lo_ = other.lo_;
        up_ = other.up_;
        x_ = other.x_;
        d_ = other.d_;
        basis_ = other.basis_;
        where_ = other.where_;
        nonbasic_ = other.nonbasic_;
        slot_ = other.slot_;
        pivots_since_refactor_ = other.pivots_since_refactor_;
        shaky_ = other.shaky_;
        stall_limit_ = other.stall_limit_;
        perturbations_ = other.perturbations_;
    }

    /// Pivots without progress before the costs are perturbed (solve()); -1 (the default):
    /// max(1000, 5 x rows). Tests set it low to take that path on small LPs.
    void set_stall_limit(Index pivots) { stall_limit_ = pivots; }
    /// How many times solve() has perturbed the costs so far.
    long long perturbations() const { return perturbations_; }

    Index rows() const { return rows_; }
    Index structural() const { return n_; }
    /// Whether the whole tableau is kept (A dense, or fewer than twice as many columns as
    /// rows) or B^-1 alone (A sparse): see the top.
    bool whole_tableau() const { return whole_; }

    /// Change the bounds of structural variable j (lo <= up).
    void set_bounds(Index j, double lo, double up) {
        stage_bounds(j, lo, up);
        apply_moves();
    }
    /// Several changes of bounds: each staged, then applied together by apply_moves() (the
    /// basic variables moved once for all the moved columns), before anything else.
    void stage_bounds(Index j, double lo, double up) {
        if (where_[j] < 0) d_(j) = fresh_reduced_cost(j);  // stale while j was fixed (pivot())
        lo_(j) = lo;
        up_(j) = up;
        if (where_[j] < 0) stage_move(j, preferred(j));
    }
    void apply_moves() {
        if (moves_.empty()) return;
        // Column by column, B^-1's columns read one by one (strided: B^-1 is kept by rows),
        // costs about the moved columns' nonzeros x rows x 4; B^-1 times their sum, rows^2.
        if (moved_nonzeros_ * 4 < rows_) {
            for (auto [j, step] : moves_) {
                tableau_column(j);
                for (Index r = 0; r < rows_; ++r) x_(basis_[r]) -= column_(r) * step;
            }
        } else {
            moved_.setZero(rows_);
            for (auto [j, step] : moves_) {
                if (j >= n_) moved_(j - n_) += step;
                else
                    for (Index p = col_start_[static_cast<std::size_t>(j)], end = col_start_[static_cast<std::size_t>(j + 1)]; p < end; ++p)
                        moved_(col_row_[static_cast<std::size_t>(p)]) += col_value_[static_cast<std::size_t>(p)] * step;
            }
            column_.noalias() = binv() * moved_;
            for (Index r = 0; r < rows_; ++r) x_(basis_[r]) -= column_(r);
        }
        moves_.clear();
        moved_nonzeros_ = 0;
    }

    /// Run the dual simplex until optimal, infeasible, the objective reaches `cutoff`
    /// (minimisation: no point below it is of interest), `max_iterations` pivots, or
    /// `limits` are reached (checked every 8 pivots: a pivot costs rows x columns). The
    /// iterates stay dual feasible, so the objective is a valid lower bound at any stop.
    Status solve(double cutoff = std::numeric_limits<double>::infinity(), int max_iterations = 100000,
                 Limits* limits = nullptr) {
        // An answer from a basis whose B^-1 has lost its accuracy (its values far from A x + s
        // = b: a near-singular basis after a small pivot) is no bound: rebuilt and solved on.
        // Checked only after a pivot that could have done it (shaky_): the check costs a pivot.
        const auto settled = [&] {
            if (!shaky_ || inaccuracy() <= 1e-7) return true;
            refactor();
            return false;
        };
        // Stalling: a long run of pivots that leave the objective where it was (dual
        // degenerate: a makespan model's only cost is the end job's, so most reduced costs
        // are 0) can go on for 100,000 pivots. Past such a run every cost is perturbed a
        // little (perturb()): the perturbed LP is solved, then the true costs are put back
        // and a few primal simplex pivots make its optimum the true one (clean_up()).
        int stalled = 0;
        bool may_perturb = true;
        for (int it = 0;; ++it) {
            if (!perturbed_ && objective() >= cutoff) {  // a perturbed objective is no bound
                if (settled()) return Status::cutoff;
                continue;
            }
            if (it >= max_iterations || (limits && (it & 7) == 7 && limits->reached())) {
                unperturb();  // dual feasible for the true costs: the objective is a bound
                return it >= max_iterations ? Status::iteration_limit : Status::stopped;
            }
            // Leaving row: dual steepest edge, the largest violation^2 / ||e_r' B^-1||^2
            // among the basic variables out of their bounds. B^-1 is the tableau's slack
            // block, so each weight is exact, computed only for the rows that qualify.
            Index r = -1;
            double best_score = 0;
            for (Index i = 0; i < rows_; ++i) {
                const Index j = basis_[i];
                const double v = std::max(lo_(j) - x_(j), x_(j) - up_(j));
                if (v <= primal_tol) continue;
                const double weight = std::max(binv().row(i).squaredNorm(), 1e-300);
                if (v * v > best_score * weight) {
                    best_score = v * v / weight;
                    r = i;
                }
            }
            if (r < 0) {
                if (!settled()) continue;
                if (!perturbed_) return Status::optimal;
                clean_up();  // optimal for the true costs, or (it gave up) dual feasible for them: on from there
                continue;
            }
            const Index leaving = basis_[r];
            const bool to_lower = x_(leaving) < lo_(leaving);
            double delta = x_(leaving) - (to_lower ? lo_(leaving) : up_(leaving));
            // Ratio test with bound flipping (a long step): the candidates in order of
            // |d_j| / |alpha_j|. Passing one flips it to its other bound, which lowers the
            // slope (what the leaving variable still has to move) by |alpha_j| (u_j - l_j);
            // the first candidate that would turn the slope enters, chosen among the
            // near-ties by the largest |alpha_j| (Harris).
            tableau_row(r);
            const Eigen::VectorXd& alpha = alpha_;
            candidates_.clear();
            for (Index j : nonbasic_)
                if (eligible(j, alpha(j), delta)) candidates_.emplace_back(std::abs(d_(j)) / std::abs(alpha(j)), j);
            if (candidates_.empty()) {
                if (settled()) {
                    unperturb();  // infeasible whatever the costs
                    return Status::infeasible;
                }
                continue;
            }
            // The candidates come off a heap in order (few are passed: no need to sort them
            // all); what stays on it is the rest, in no order.
            const auto later = [](const std::pair<double, Index>& x, const std::pair<double, Index>& y) { return x > y; };
            std::make_heap(candidates_.begin(), candidates_.end(), later);
            auto rest = candidates_.end();  // [begin, rest) the heap, [rest, end) the passed, the last passed first
            double slope = std::abs(delta);
            while (rest - candidates_.begin() > 1) {
                const Index j = candidates_.front().second;
                const double drop = std::abs(alpha(j)) * (up_(j) - lo_(j));
                if (slope - drop <= primal_tol) break;
                slope -= drop;
                std::pop_heap(candidates_.begin(), rest, later);
                --rest;
            }
            double bound = std::numeric_limits<double>::infinity();
            for (auto k = candidates_.begin(); k != rest; ++k) {
                const Index j = k->second;
                bound = std::min(bound, (std::abs(d_(j)) + dual_tol) / std::abs(alpha(j)));
            }
            // Among those within the bound, the largest |alpha|; ties to the first in order.
            Index q = -1;
            double best = 0;
            std::pair<double, Index> chosen{0, -1};
            for (auto k = candidates_.begin(); k != rest; ++k) {
                if (k->first > bound) continue;
                const double size = std::abs(alpha(k->second));
                if (size > best || (size == best && q >= 0 && *k < chosen)) {
                    best = size;
                    q = k->second;
                    chosen = *k;
                }
            }
            if (rest != candidates_.end()) {
                // Flip the passed candidates, in order; the leaving variable moves with them.
                for (auto k = candidates_.end(); k != rest;) {
                    const Index j = (--k)->second;
                    stage_move(j, x_(j) >= up_(j) ? lo_(j) : up_(j));
                }
                apply_moves();
                delta = x_(leaving) - (to_lower ? lo_(leaving) : up_(leaving));
            }
            const bool degenerate = std::abs(d_(q)) <= dual_tol;  // a dual step of 0: the objective stays
            pivot(r, q, delta, to_lower);
            if (++pivots_since_refactor_ % 50 == 0 && (pivots_since_refactor_ >= 10 * std::max<Index>(50, rows_) || inaccuracy() > 1e-9))
                refactor();
            if (!degenerate) {
                stalled = 0;
            } else if (++stalled > (stall_limit_ >= 0 ? stall_limit_ : std::max<Index>(1000, 5 * rows_)) && may_perturb && !perturbed_) {
                perturb();
                may_perturb = false;  // once a solve
                stalled = 0;
            }
        }
    }

    /// c'x at the current basis: a lower bound on the LP optimum while dual feasible.
    double objective() const { return c_.dot(x_); }
    /// Values of the structural variables (head n) and slacks (tail R).
    const Eigen::VectorXd& values() const { return x_; }
    double value(Index j) const { return x_(j); }
    double reduced_cost(Index j) const { return where_[j] < 0 ? fresh_reduced_cost(j) : 0.0; }
    bool basic(Index j) const { return where_[j] >= 0; }
    /// Shadow prices of the rows (>= 0 for a binding <= row under minimisation of -value).
    Eigen::VectorXd row_prices() const { return d_.tail(rows_); }

    /// What a cut generator reads (Gomory cuts, cuts-inl.hpp): where column j (structural,
    /// or the slack n + k of row k) is basic (its row of the tableau) or -1; its bounds;
    /// row k's right-hand side and coefficients; the nonbasic columns.
    Index row_of(Index j) const { return where_[j]; }
    double lower(Index j) const { return lo_(j); }
    double upper(Index j) const { return up_(j); }
    double rhs(Index k) const { return b_(k); }
    auto row_coefficients(Index k) const { return orig().row(k).head(n_); }
    const std::vector<Index>& nonbasic() const { return nonbasic_; }
    /// Row r of the tableau B^-1 [A I], read at the nonbasic columns only (the others are 0,
    /// or 1 at the row's basic variable); valid until the LP next changes.
    const Eigen::VectorXd& tableau_row_at(Index r) {
        tableau_row(r, true);
        return alpha_;
    }

    /// A row over the structural variables: coeffs . x <= rhs, its slack in [0, slack_up].
    struct Row {
        Eigen::VectorXd coeffs;
        double rhs;
        double slack_up;
    };

    /// Add rows (cuts), each with its slack basic: the basis stays dual feasible, so
    /// solving goes on from here. One resize for the whole batch.
    void add_rows(const std::vector<Row>& added) {
        const auto k = static_cast<Index>(added.size());
        if (k == 0) return;
        const Index r0 = rows_, c0 = cols_;
        // Each row expressed in the current basis: its basic part subtracted (the new basis
        // is [B 0; c_B' I], c_B the row's coefficients of the basic variables, so B^-1 gains
        // the rows -c_B' B^-1 and a unit column each). The new slacks are basic with unit
        // columns and appear in no other new row.
        const Index w0 = width();
        Eigen::MatrixXd new_rows = Eigen::MatrixXd::Zero(k, w0 + k);
        Eigen::MatrixXd full_rows = Eigen::MatrixXd::Zero(k, c0 + k);
        for (Index a = 0; a < k; ++a) {
            const auto& row = added[static_cast<std::size_t>(a)];
            full_rows.row(a).head(n_) = row.coeffs.transpose();
            if (whole_) new_rows.row(a).head(n_) = row.coeffs.transpose();
            for (Index i = 0; i < rows_; ++i) {
                const Index j = basis_[i];
                const double coef = j < n_ ? row.coeffs(j) : 0.0;
                if (coef != 0) new_rows.row(a).head(w0) -= coef * stored().row(i);
            }
            new_rows(a, w0 + a) = full_rows(a, c0 + a) = 1;
        }
        if (!whole_) add_to_columns(r0, full_rows.leftCols(n_));
        // The new slacks are columns n + r: slacks stay the tail, in row order.
        reserve(r0 + k, c0 + k);
        full_store_.block(0, c0, r0, k).setZero();
        full_store_.block(r0, 0, k, c0 + k) = full_rows;
        store_.block(0, w0, r0, k).setZero();
        store_.block(r0, 0, k, w0 + k) = new_rows;
        b_.conservativeResize(r0 + k);
        for (Eigen::VectorXd* v : {&c_, &lo_, &up_, &x_, &d_}) v->conservativeResize(c0 + k);
        for (Index a = 0; a < k; ++a) {
            const auto& row = added[static_cast<std::size_t>(a)];
            const Index q = c0 + a;
            b_(r0 + a) = row.rhs;
            c_(q) = lo_(q) = d_(q) = 0;
            up_(q) = row.slack_up;
            x_(q) = row.rhs - row.coeffs.dot(x_.head(n_));
            basis_.push_back(q);
            where_.push_back(r0 + a);
            slot_.push_back(-1);
        }
        rows_ += k;
        cols_ += k;
    }

    /// One row: add_rows() of one.
    void add_row(const Eigen::VectorXd& coeffs, double rhs, double slack_up) { add_rows({Row{coeffs, rhs, slack_up}}); }

    /// Change row k's right-hand side and slack bound: the basis stays dual feasible, and
    /// solving goes on from it.
    void set_rhs(Index k, double rhs, double slack_up) {
        const Index slack = n_ + k;
        if (where_[slack] < 0) {
            up_(slack) = slack_up;
            move_nonbasic(slack, preferred(slack));
        } else {
            up_(slack) = slack_up;
        }
        const double change = rhs - b_(k);
        b_(k) = rhs;
        if (change != 0)
            for (Index r = 0; r < rows_; ++r) x_(basis_[r]) += binv()(r, k) * change;
    }

    /// Remove rows whose slacks are basic (cuts that no longer bind): the basis loses
    /// those slacks and stays optimal where it was. Rows are numbered as added; the rows
    /// after a removed one move up. (Row k's slack column in the tableau is B^-1 e_k, a unit
    /// vector when the slack is basic, so no other row of B^-1 uses row k: deleting the
    /// slack's row of B^-1 and B^-1's column k leaves the inverse of the basis that remains.)
    void remove_rows(const std::vector<Index>& rows) {
        std::vector<signed char> drop(static_cast<std::size_t>(rows_), 0);
        for (Index k : rows)
            if (k >= 0 && k < rows_ && where_[n_ + k] >= 0) drop[k] = 1;
        // Where each kept row and column goes (-1: dropped); every one moves up or stays,
        // so each array is compacted in place, front to back, in the storage it has (the
        // room to grow kept: the next rows added cost no reallocation).
        std::vector<Index> new_row(static_cast<std::size_t>(rows_), -1), keep_rows;
        for (Index k = 0; k < rows_; ++k)
            if (!drop[k]) {
                new_row[k] = static_cast<Index>(keep_rows.size());
                keep_rows.push_back(k);
            }
        const auto r = static_cast<Index>(keep_rows.size()), c = n_ + r;
        if (r == rows_) return;
        Index first = 0;  // the first dropped row: the rows above it stay where they are
        while (!drop[first]) ++first;
        std::vector<Index> keep_cols(static_cast<std::size_t>(c));
        for (Index j = 0; j < n_; ++j) keep_cols[j] = j;
        for (Index i = 0; i < r; ++i) keep_cols[n_ + i] = n_ + keep_rows[i];
        // [A I]: A's kept rows move up; the slacks' block is the identity again.
        for (Index j = 0; j < n_; ++j)
            for (Index i = first; i < r; ++i) full_store_(i, j) = full_store_(keep_rows[i], j);
        full_store_.block(0, n_, r, r).setIdentity();
        // The tableau rows whose basic variable stays (a dropped slack's row goes with it), at
        // the stored columns kept: the whole tableau's, or B^-1's (one per kept row).
        std::vector<Index> keep_tableau;
        for (Index i = 0; i < rows_; ++i) {
            const Index j = basis_[i];
            if (!(j >= n_ && drop[j - n_])) keep_tableau.push_back(i);
        }
        const std::vector<Index>& keep_stored = whole_ ? keep_cols : keep_rows;
        const auto w = static_cast<Index>(keep_stored.size());
        for (Index i = 0; i < r; ++i)
            for (Index j = 0; j < w; ++j) store_(i, j) = store_(keep_tableau[i], keep_stored[j]);
        for (Index i = 0; i < r; ++i) b_(i) = b_(keep_rows[i]);
        b_.conservativeResize(r);
        for (Eigen::VectorXd* v : {&c_, &lo_, &up_, &x_, &d_}) {
            for (Index j = 0; j < c; ++j) (*v)(j) = (*v)(keep_cols[j]);
            v->conservativeResize(c);
        }
        std::vector<Index> new_col(static_cast<std::size_t>(cols_), -1);
        for (Index j = 0; j < c; ++j) new_col[keep_cols[j]] = j;
        for (Index i = 0; i < r; ++i) basis_[i] = new_col[basis_[keep_tableau[i]]];
        basis_.resize(static_cast<std::size_t>(r));
        where_.assign(static_cast<std::size_t>(c), -1);
        for (Index i = 0; i < r; ++i) where_[basis_[i]] = i;
        rows_ = r;
        cols_ = c;
        list_nonbasic();
        if (!whole_) {
            // A's compressed columns: the dropped rows' entries out, the rest renumbered.
            std::size_t at = 0;
            Index from = 0;
            for (Index j = 0; j < n_; ++j) {
                const Index to = col_start_[static_cast<std::size_t>(j + 1)];
                for (Index p = from; p < to; ++p) {
                    const Index row = new_row[static_cast<std::size_t>(col_row_[static_cast<std::size_t>(p)])];
                    if (row < 0) continue;
                    col_row_[at] = static_cast<int>(row);
                    col_value_[at++] = col_value_[static_cast<std::size_t>(p)];
                }
                from = to;
                col_start_[static_cast<std::size_t>(j + 1)] = static_cast<Index>(at);
            }
            col_row_.resize(at);
            col_value_.resize(at);
        }
    }

    /// Rebuild B^-1 from the original matrix; falls back to the slack basis when the
    /// current one has become numerically singular.
    void refactor() {
        pivots_since_refactor_ = 0;
        shaky_ = false;
        bool slack_basis = true;
        for (Index r = 0; r < rows_ && slack_basis; ++r) slack_basis = basis_[r] == n_ + r;
        Eigen::PartialPivLU<Eigen::MatrixXd> lu;
        if (!slack_basis) {
            Eigen::MatrixXd basis_matrix(rows_, rows_);
            for (Index r = 0; r < rows_; ++r) basis_matrix.col(r) = orig().col(basis_[r]);
            lu.compute(basis_matrix);
        }
        auto t = stored();
        const auto unit = [&] {  // B = I
            if (whole_)
                t = orig();
            else
                t.setIdentity();
        };
        const auto slacks = [&] {  // the slack basis instead of a singular one
            std::fill(where_.begin(), where_.end(), -1);
            for (Index r = 0; r < rows_; ++r) {
                basis_[r] = n_ + r;
                where_[n_ + r] = r;
            }
            list_nonbasic();
            unit();
        };
        if (slack_basis) {
            unit();
        } else if (rows_ > 0 && !(lu.rcond() > 1e-11)) {
            slacks();
        } else {
            if (rows_ > 0) {
                if (whole_)
                    t = lu.solve(orig());
                else
                    t = lu.inverse();
            }
            if (!t.allFinite()) {  // rcond() is an estimate: a zero pivot can pass it
                slacks();
            } else {
                // Round-off zeros back to zeros so that the elimination can skip them.
                t = (t.array().abs() < 1e-13).select(0.0, t);
            }
        }
        compute_reduced_costs();
        for (Index j = 0; j < cols_; ++j)
            if (where_[j] < 0) x_(j) = preferred(j);
        Eigen::VectorXd rhs = b_;
        for (Index j = 0; j < cols_; ++j) {
            if (where_[j] >= 0 || x_(j) == 0) continue;
            if (whole_)
                rhs -= orig().col(j) * x_(j);
            else if (j >= n_)
                rhs(j - n_) -= x_(j);
            else
                for (Index p = col_start_[static_cast<std::size_t>(j)], end = col_start_[static_cast<std::size_t>(j + 1)]; p < end; ++p)
                    rhs(col_row_[static_cast<std::size_t>(p)]) -= col_value_[static_cast<std::size_t>(p)] * x_(j);
        }
        const Eigen::VectorXd xb = binv() * rhs;
        for (Index r = 0; r < rows_; ++r) x_(basis_[r]) = xb(r);
    }

    static constexpr double primal_tol = 1e-9;
    static constexpr double dual_tol = 1e-9;
    static constexpr double pivot_tol = 1e-9;

private:
    // Every reduced cost from the costs and the current B^-1 (the nonbasic columns stay).
    void compute_reduced_costs() {
        Eigen::VectorXd cb(rows_);
        for (Index r = 0; r < rows_; ++r) cb(r) = c_(basis_[r]);
        const Eigen::VectorXd y = binv().transpose() * cb;  // the row prices: c_B' B^-1
        if (whole_) {
            d_ = c_ - orig().transpose() * y;
        } else {  // A's sparse columns; the slacks' columns are unit vectors
            d_.tail(rows_) = c_.tail(rows_) - y;
            for (Index j = 0; j < n_; ++j) {
                double d = c_(j);
                for (Index p = col_start_[static_cast<std::size_t>(j)], end = col_start_[static_cast<std::size_t>(j + 1)]; p < end; ++p)
                    d -= y(col_row_[static_cast<std::size_t>(p)]) * col_value_[static_cast<std::size_t>(p)];
                d_(j) = d;
            }
        }
        for (Index r = 0; r < rows_; ++r) d_(basis_[r]) = 0;
    }

    // Every column's cost (slacks' too) moved by a small amount that differs from column to
    // column (a fixed hash of j: the same on every run and thread), a nonbasic one's away
    // from 0 in the direction its bound asks for, a basic one's either way; then the reduced
    // costs recomputed and each nonbasic column put at the bound its own asks for
    // (refactor()), so the basis stays dual feasible. Ties between columns are broken.
    void perturb() {
        xi_ = Eigen::VectorXd::Zero(cols_);
        double scale = 0;
        for (Index j = 0; j < n_; ++j) scale = std::max(scale, std::abs(c_(j)));
        scale = 1e-7 * std::max(scale, 1e-3);
        for (Index j = 0; j < cols_; ++j) {
            if (up_(j) - lo_(j) <= 0) continue;  // fixed: it cannot enter
            std::uint64_t h = static_cast<std::uint64_t>(j + 1) * 0x9E3779B97F4A7C15ull;
            h ^= h >> 29;
            h *= 0xBF58476D1CE4E5B9ull;
            h ^= h >> 32;
            const double amount = scale * (1 + static_cast<double>(h >> 12) * 0x1.0p-52);  // [1, 2) x scale
            const bool up = where_[j] >= 0 ? (h & 1) != 0 : x_(j) < up_(j);
            xi_(j) = up ? amount : -amount;
        }
        c_ += xi_;
        perturbed_ = true;
        ++perturbations_;
        refactor();
    }
    // The true costs back, and the basis made dual feasible for them (refactor(): each
    // nonbasic column at the bound its reduced cost asks for); the values may then leave
    // their bounds, for the dual simplex to mend.
    void unperturb() {
        if (!perturbed_) return;
        c_ -= xi_;
        perturbed_ = false;
        refactor();
    }
    // At the perturbed LP's optimum (primal feasible): the true costs back, and the primal
    // simplex from this basis (the entering column the most dual infeasible, the ratio test
    // over the basic values and its own range) until no reduced cost has the wrong sign:
    // the true optimum, usually a few pivots away. When that takes too long, or B^-1 loses
    // its accuracy, refactor() makes the basis dual feasible for the dual simplex to go on.
    void clean_up() {
        c_ -= xi_;
        perturbed_ = false;
        compute_reduced_costs();
        const Index most = 10 * rows_ + 1000;
        for (Index step = 0; step < most; ++step) {
            Index q = -1;
            double worst = dual_tol;
            for (Index j : nonbasic_) {
                if (up_(j) - lo_(j) <= 0) continue;
                const double d = fresh_reduced_cost(j);
                const double wrong = x_(j) >= up_(j) ? d : -d;  // > 0: moving j off its bound lowers c'x
                if (wrong > worst) {
                    worst = wrong;
                    q = j;
                }
            }
            if (q < 0) return;
            d_(q) = fresh_reduced_cost(q);
            const double dir = x_(q) >= up_(q) ? -1.0 : 1.0;
            tableau_column(q);
            double t = up_(q) - lo_(q);
            Index r = -1;
            for (Index i = 0; i < rows_; ++i) {
                const double a = column_(i) * dir;  // x_B[i] falls by a per unit of t
                if (std::abs(a) <= pivot_tol) continue;
                const Index j = basis_[i];
                const double room = a > 0 ? std::max(0.0, x_(j) - lo_(j)) / a : std::max(0.0, up_(j) - x_(j)) / -a;
                if (room < t || (room == t && r >= 0 && std::abs(a) > std::abs(column_(r)))) {
                    t = room;
                    r = i;
                }
            }
            if (r < 0) {  // q crosses its range: a bound flip, the basis unchanged
                stage_move(q, dir > 0 ? up_(q) : lo_(q));
                apply_moves();
                continue;
            }
            const Index leaving = basis_[r];
            const bool to_lower = column_(r) * dir > 0;
            const double delta = x_(leaving) - (to_lower ? lo_(leaving) : up_(leaving));
            tableau_row(r);
            pivot(r, q, delta, to_lower);
            ++pivots_since_refactor_;
            if (shaky_ && inaccuracy() > 1e-7) break;  // B^-1 has lost its accuracy: refactor() below
        }
        refactor();
    }

    // c_j - y' a_j for nonbasic j, the row prices y read off the slacks' reduced costs
    // (y_k = -d_{n+k}): pivot() keeps those, and the free structural columns', up to date.
    double fresh_reduced_cost(Index j) const {
        if (whole_ || j >= n_) return d_(j);
        double d = c_(j);
        for (Index p = col_start_[static_cast<std::size_t>(j)], end = col_start_[static_cast<std::size_t>(j + 1)]; p < end; ++p)
            d += d_(n_ + col_row_[static_cast<std::size_t>(p)]) * col_value_[static_cast<std::size_t>(p)];
        return d;
    }
    // How far the current values are from satisfying A x + s = b: grows with round-off.
    double drift() const { return rows_ > 0 ? (orig() * x_ - b_).cwiseAbs().maxCoeff() : 0.0; }
    // The same measure, over A's nonzeros alone where A is kept sparse.
    double inaccuracy() const {
        if (whole_) return drift();
        Eigen::VectorXd r = x_.tail(rows_) - b_;
        for (Index j = 0; j < n_; ++j) {
            const double v = x_(j);
            if (v == 0) continue;
            for (Index p = col_start_[static_cast<std::size_t>(j)], end = col_start_[static_cast<std::size_t>(j + 1)]; p < end; ++p)
                r(col_row_[static_cast<std::size_t>(p)]) += col_value_[static_cast<std::size_t>(p)] * v;
        }
        return rows_ > 0 ? r.cwiseAbs().maxCoeff() : 0.0;
    }

    // The bound a nonbasic variable should sit at for its reduced cost to be dual feasible.
    double preferred(Index j) const {
        if (d_(j) < 0) return up_(j);
        if (d_(j) > 0) return lo_(j);
        return x_(j) >= up_(j) ? up_(j) : lo_(j);
    }

    void move_nonbasic(Index j, double value) {
        stage_move(j, value);
        apply_moves();
    }
    // Nonbasic j to `value`; the basic variables follow at apply_moves() (at once with the
    // whole tableau: a column is a copy).
    void stage_move(Index j, double value) {
        const double step = value - x_(j);
        if (step == 0) return;
        x_(j) = value;
        if (whole_) {
            for (Index r = 0; r < rows_; ++r) x_(basis_[r]) -= stored()(r, j) * step;
            return;
        }
        moves_.emplace_back(j, step);
        moved_nonzeros_ += j >= n_ ? 1 : col_start_[static_cast<std::size_t>(j + 1)] - col_start_[static_cast<std::size_t>(j)];
    }

    // The structural columns of A, compressed: column j's nonzeros are at positions
    // col_start_[j] .. col_start_[j + 1] - 1 of col_row_ and col_value_.
    void list_columns() {
        col_start_.assign(static_cast<std::size_t>(n_ + 1), 0);
        col_row_.clear();
        col_value_.clear();
        for (Index j = 0; j < n_; ++j) {
            for (Index i = 0; i < rows_; ++i)
                if (full_store_(i, j) != 0) {
                    col_row_.push_back(static_cast<int>(i));
                    col_value_.push_back(full_store_(i, j));
                }
            col_start_[static_cast<std::size_t>(j + 1)] = static_cast<Index>(col_row_.size());
        }
    }

    // New rows r0, r0 + 1, ... (`added`, k x n) joined to the compressed columns.
    void add_to_columns(Index r0, const Eigen::Ref<const Eigen::MatrixXd>& added) {
        std::vector<Index> start(static_cast<std::size_t>(n_ + 1), 0);
        std::vector<int> row;
        std::vector<double> value;
        const auto total = col_row_.size() + static_cast<std::size_t>((added.array() != 0).count());
        row.reserve(total);
        value.reserve(total);
        for (Index j = 0; j < n_; ++j) {
            for (Index p = col_start_[static_cast<std::size_t>(j)]; p < col_start_[static_cast<std::size_t>(j + 1)]; ++p) {
                row.push_back(col_row_[static_cast<std::size_t>(p)]);
                value.push_back(col_value_[static_cast<std::size_t>(p)]);
            }
            for (Index a = 0; a < added.rows(); ++a)
                if (added(a, j) != 0) {
                    row.push_back(static_cast<int>(r0 + a));
                    value.push_back(added(a, j));
                }
            start[static_cast<std::size_t>(j + 1)] = static_cast<Index>(row.size());
        }
        col_start_ = std::move(start);
        col_row_ = std::move(row);
        col_value_ = std::move(value);
    }

    // A structural column whose bounds meet (fixed by the search): it cannot enter.
    bool fixed_structural(Index j) const { return j < n_ && up_(j) == lo_(j); }

    // alpha_ = row r of the tableau B^-1 [A I], at the nonbasic columns (the others are
    // not read: a basic column's entry is 0 or, at r, 1).
    // With B^-1 alone, a fixed structural column's entry is computed only when `fixed`
    // asks for it: it cannot enter, and pivot() leaves its reduced cost alone.
    void tableau_row(Index r, bool fixed = false) {
        if (whole_) {
            alpha_ = stored().row(r).transpose();
            return;
        }
        alpha_.resize(cols_);
        const double* rho = store_.data() + r * store_.cols();
        for (Index j : nonbasic_) {
            if (j >= n_) {
                alpha_(j) = rho[j - n_];
                continue;
            }
            if (!fixed && fixed_structural(j)) continue;
            double sum = 0;
            for (Index p = col_start_[static_cast<std::size_t>(j)], end = col_start_[static_cast<std::size_t>(j + 1)]; p < end; ++p)
                sum += rho[col_row_[static_cast<std::size_t>(p)]] * col_value_[static_cast<std::size_t>(p)];
            alpha_(j) = sum;
        }
    }

    // column_ = column j of the tableau: B^-1 times column j of [A I].
    void tableau_column(Index j) {
        if (whole_) {
            column_ = stored().col(j);
            return;
        }
        if (j >= n_) {
            column_ = binv().col(j - n_);
            return;
        }
        column_.setZero(rows_);
        for (Index p = col_start_[static_cast<std::size_t>(j)], end = col_start_[static_cast<std::size_t>(j + 1)]; p < end; ++p)
            column_ += col_value_[static_cast<std::size_t>(p)] * binv().col(col_row_[static_cast<std::size_t>(p)]);
    }

    // May j enter to fix a leaving variable that must move by -delta?
    bool eligible(Index j, double a, double delta) const {
        if (where_[j] >= 0 || up_(j) - lo_(j) <= 0 || std::abs(a) <= pivot_tol) return false;
        const bool at_upper = x_(j) >= up_(j);
        // x_leaving changes by -a * step; it must fall by delta (> 0) or rise by -delta.
        const bool can_rise = !at_upper, can_fall = x_(j) > lo_(j);
        return delta > 0 ? (a > 0 && can_rise) || (a < 0 && can_fall) : (a < 0 && can_rise) || (a > 0 && can_fall);
    }

    // The nonbasic columns (the ratio test's candidates) and each one's place in the list.
    void list_nonbasic() {
        nonbasic_.clear();
        slot_.assign(static_cast<std::size_t>(cols_), -1);
        for (Index j = 0; j < cols_; ++j)
            if (where_[j] < 0) {
                slot_[j] = static_cast<Index>(nonbasic_.size());
                nonbasic_.push_back(j);
            }
    }

    void pivot(Index r, Index q, double delta, bool to_lower) {
        const Index leaving = basis_[r];
        tableau_column(q);
        const double a = column_(r);
        // A small pivot, or one whose row and column disagree, may have cost B^-1 its accuracy.
        if (std::abs(a) < 1e-5 || std::abs(a - alpha_(q)) > 1e-9 * std::max(1.0, std::abs(a))) shaky_ = true;
        // Primal step: x_q moves so that the leaving variable lands on its bound.
        const double step = delta / a;
        x_(q) += step;
        for (Index i = 0; i < rows_; ++i) x_(basis_[i]) -= column_(i) * step;
        x_(leaving) = to_lower ? lo_(leaving) : up_(leaving);
        // Dual step, over the nonbasic columns (alpha_ is row r of the tableau there).
        const double theta = d_(q) / a;
        if (whole_) {
            for (Index j : nonbasic_) d_(j) -= theta * alpha_(j);
        } else {
            // A fixed structural column's reduced cost goes stale (tableau_row() skipped
            // it): fresh_reduced_cost() gives it when read, set_bounds() when it is freed.
            for (Index j : nonbasic_)
                if (!fixed_structural(j)) d_(j) -= theta * alpha_(j);
        }
        d_(q) = 0;
        d_(leaving) = -theta;
        // B^-1 (or the whole tableau): eliminate the entering column from every other row
        // it touches.
        stored().row(r) /= a;
        eliminate_rows(store_.data(), store_.cols(), rows_, width(), r, column_.data());
        if (whole_) {
            stored().col(q).setZero();
            store_(r, q) = 1;
        }
        basis_[r] = q;
        where_[q] = r;
        where_[leaving] = -1;
        // The leaving variable takes the entering one's place in the nonbasic list.
        nonbasic_[static_cast<std::size_t>(slot_[q])] = leaving;
        slot_[leaving] = slot_[q];
        slot_[q] = -1;
    }

    Index rows_, n_, cols_;
    // The original matrix [A I] (rows_ x cols_) and what is kept of the tableau (rows_ x
    // width(): the whole tableau B^-1 [A I], or B^-1 alone), each the top-left corner of
    // storage with room to grow: added rows (cuts, links) then cost no reallocation.
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    bool whole_ = true;  // the whole tableau is kept (A dense), or B^-1 alone (A sparse)
    Eigen::MatrixXd full_store_;
    RowMajor store_;
    Index width() const { return whole_ ? cols_ : rows_; }
    Eigen::Block<Eigen::MatrixXd> orig() { return full_store_.topLeftCorner(rows_, cols_); }
    Eigen::Block<const Eigen::MatrixXd> orig() const { return full_store_.topLeftCorner(rows_, cols_); }
    Eigen::Block<RowMajor> stored() { return store_.topLeftCorner(rows_, width()); }
    Eigen::Block<const RowMajor> stored() const { return store_.topLeftCorner(rows_, width()); }
    Eigen::Block<RowMajor> binv() { return store_.block(0, whole_ ? n_ : 0, rows_, rows_); }
    Eigen::Block<const RowMajor> binv() const { return store_.block(0, whole_ ? n_ : 0, rows_, rows_); }

    // Room for rows x cols: grows by half again when short, keeping what is in use.
    void reserve(Index rows, Index cols) {
        const Index w = whole_ ? cols : rows;
        if (rows <= store_.rows() && w <= store_.cols() && rows <= full_store_.rows() && cols <= full_store_.cols())
            return;
        const Index extra = std::max(rows - rows_, rows_ / 2 + 8);
        Eigen::MatrixXd full(rows_ + extra, cols_ + extra);
        RowMajor t(rows_ + extra, width() + extra);
        full.topLeftCorner(rows_, cols_) = orig();
        t.topLeftCorner(rows_, width()) = stored();
        full_store_ = std::move(full);
        store_ = std::move(t);
    }
    Eigen::VectorXd b_, c_, lo_, up_, x_, d_;
    std::vector<Index> basis_, where_;
    std::vector<Index> nonbasic_, slot_;  // the nonbasic columns; slot_[j]: j's place there, or -1
    std::vector<Index> col_start_;  // A's columns, compressed (list_columns())
    std::vector<int> col_row_;
    std::vector<double> col_value_;
    std::vector<std::pair<double, Index>> candidates_;
    Eigen::VectorXd alpha_;   // scratch: the leaving row of the tableau (its nonbasic columns)
    Eigen::VectorXd column_;  // scratch: a column of the tableau
    std::vector<std::pair<Index, double>> moves_;  // staged moves of nonbasic columns: (column, step)
    Index moved_nonzeros_ = 0;                     // their nonzeros in A (a slack's: 1)
    Eigen::VectorXd moved_;                        // scratch: A times the staged steps
    int pivots_since_refactor_ = 0;
    bool shaky_ = false;  // a pivot since the last refactor() may have cost B^-1 its accuracy
    Index stall_limit_ = -1;  // set_stall_limit()
    long long perturbations_ = 0;
    bool perturbed_ = false;  // c_ holds perturbed costs (inside solve() only: perturb())
    Eigen::VectorXd xi_;      // the perturbation
};

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SELECTION_DETAIL_DUAL_SIMPLEX
#ifdef ALIGNGRAPH_OUTERMOST_SELECTION_DETAIL_DUAL_SIMPLEX
#undef ALIGNGRAPH_OUTERMOST_SELECTION_DETAIL_DUAL_SIMPLEX
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
