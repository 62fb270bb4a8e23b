# The PostgreSQL column of bench/run (sourced by it with --pg): the same measures on a throw-away PostgreSQL
# cluster (.ci/pg-cluster start: fsync ON, as a server would run), each with a psql reference next to SQLite's
# sqlite3 one. Every function records through pg_add NAME MODQ REFERENCE; bench/run prints them beside SQLite's.
# Databases are cloned per run with CREATE DATABASE ... TEMPLATE (PostgreSQL's "cp"): pg_empty is `modq init`ed,
# pg_pending holds the N pending comments, loaded by the psql reference (the same rows as SQLite's pending.db).

declare -A PGM=() PGR=()
pg_add() { PGM[$1]=$2; PGR[$1]=${3:-}; }

pg_setup() {
  for tool in psql createdb dropdb; do
    command -v "$tool" >/dev/null 2>&1 || { echo "bench/run --pg: $tool is needed (apt-get install postgresql)" >&2; exit 1; }
  done
  local exports
  exports="$("$here/.ci/pg-cluster" start 2>>"$errlog")" || { echo "bench/run --pg: could not start a PostgreSQL cluster" >&2; exit 1; }
  eval "$exports"
  pg_cluster_dir="$MODQ_PG_CLUSTER_DIR"
  log "PostgreSQL $(psql -Atc 'show server_version') on 127.0.0.1:$PGPORT (fsync on), data in $pg_cluster_dir"
  createdb pg_empty
  "$launcher" --db "$(pg_addr pg_empty)" init >/dev/null 2>>"$errlog"
}

pg_teardown() {
  [[ -n "${pg_cluster_dir:-}" ]] && "$here/.ci/pg-cluster" stop "$pg_cluster_dir" 2>/dev/null || true
}

pg_addr() { echo "postgresql://postgres@127.0.0.1:$PGPORT/$1"; }
# a fresh copy of database $1 named $2 (dropped first if it exists)
pg_fresh() { dropdb --if-exists --force "$2" 2>/dev/null; createdb -T "$1" "$2"; }
pg_value() { psql -d "$1" -Atc "$2"; }

# (1) create: psql < rows-pg.sql vs modq demo (and modq import, once it writes to PostgreSQL). The last reference
# load becomes pg_pending: the same N pending rows, ids and texts as SQLite's pending.db (less NUL characters).
pg_create() {
  bj dev.modq.bench.BenchData pgsql "$tmp/rows.sql" "$tmp/rows-pg.sql" "$here/db/migrations/postgresql"
  log "(1) PostgreSQL create: psql < rows-pg.sql, x$CREATE_RUNS"
  local ref=() imp=() demo=() t i
  for ((i = 0; i < CREATE_RUNS; i++)); do
    pg_fresh pg_empty pg_pending
    t=$(now); psql -q -v ON_ERROR_STOP=1 -d pg_pending -f "$tmp/rows-pg.sql" >/dev/null; ref+=("$(ms_since "$t")")
  done
  [[ "$(pg_value pg_pending "select n from status_counts where status='pending'")" == "$N" ]] || { echo "bench/run: psql reference load incomplete" >&2; exit 1; }
  psql -q -d pg_pending -c "VACUUM ANALYZE" >/dev/null
  local ref_ms; ref_ms=$(printf '%s\n' "${ref[@]}" | median)
  log "(1) PostgreSQL create: modq import --format jsonl (-Xmx256m), x$CREATE_RUNS"
  for ((i = 0; i < CREATE_RUNS; i++)); do
    pg_fresh pg_empty pg_import
    t=$(now)
    if MODQ_JAVA_OPTS="-Xmx256m" "$launcher" --db "$(pg_addr pg_import)" import --format jsonl "$tmp/rows.jsonl" 2>>"$errlog"; then
      imp+=("$(ms_since "$t")")
    else
      log "(1) PostgreSQL: modq import refused: $(tail -n 1 "$errlog")"; break
    fi
  done
  dropdb --force pg_import
  if ((${#imp[@]} == CREATE_RUNS)); then pg_add import_jsonl_ms "$(printf '%s\n' "${imp[@]}" | median)" "$ref_ms"; fi
  log "(1) PostgreSQL create: modq demo --comments $N --no-open (into a new empty database), x$CREATE_RUNS"
  for ((i = 0; i < CREATE_RUNS; i++)); do
    dropdb --if-exists --force pg_demo 2>/dev/null; createdb pg_demo
    t=$(now); "$launcher" --db "$(pg_addr pg_demo)" demo --comments "$N" --no-open 2>>"$errlog"; demo+=("$(ms_since "$t")")
  done
  dropdb --force pg_demo
  pg_add demo_create_ms "$(printf '%s\n' "${demo[@]}" | median)" "$ref_ms"
}

# (2) bulk decision on K of N: psql < reject-pg.sql vs modq reject --where / reject -
pg_reject() {
  cat >"$tmp/reject-pg.sql" <<SQL
BEGIN;
LOCK TABLE audit_chain_lock IN SHARE ROW EXCLUSIVE MODE;
INSERT INTO batches (id, moderator, at, action, size)
  VALUES ('bench-ref', '$me', (extract(epoch FROM clock_timestamp()) * 1000)::bigint, 'reject', $K);
INSERT INTO audit_log (id, at, moderator, comment_id, action, from_status, to_status, reason, from_reason, note,
                       batch_id, undo_of, version_after, prev_hash, hash)
  SELECT (SELECT coalesce(max(id), 0) FROM audit_log) + row_number() OVER (ORDER BY id),
         (extract(epoch FROM clock_timestamp()) * 1000)::bigint, '$me', id, 'reject', status, 'rejected', 'spam',
         reason, NULL, 'bench-ref', NULL, version + 1, '',
         encode(sha256(convert_to(id || '|reject|' || status || '|rejected|spam|' || (version + 1), 'UTF8')), 'hex')
  FROM comments WHERE status = 'pending' AND id <= $K ORDER BY id;
UPDATE audit_chain_lock SET last_id = (SELECT max(id) FROM audit_log);
UPDATE comments SET status = 'rejected', reason = 'spam', version = version + 1
  WHERE status = 'pending' AND id <= $K;
COMMIT;
SQL
  local ref=() where=() stdin=() t i
  pg_check() {
    local n; n="$(pg_value pg_work "select n from status_counts where status='rejected'")"
    [[ "$n" == "$K" ]] || { echo "bench/run: PostgreSQL $1 rejected $n, not $K" >&2; exit 1; }
  }
  log "(2) PostgreSQL bulk decision on $K of $N: psql reference, modq reject --where, modq reject - ; x$BULK_RUNS each"
  for ((i = 0; i < BULK_RUNS; i++)); do
    pg_fresh pg_pending pg_work; t=$(now); psql -q -v ON_ERROR_STOP=1 -d pg_work -f "$tmp/reject-pg.sql" >/dev/null
    ref+=("$(ms_since "$t")"); pg_check psql
    pg_fresh pg_pending pg_work; t=$(now)
    "$launcher" --db "$(pg_addr pg_work)" reject --where "$query" --reason spam --yes 2>>"$errlog"
    where+=("$(ms_since "$t")"); pg_check "reject --where"
    pg_fresh pg_pending pg_work; t=$(now)
    "$launcher" --db "$(pg_addr pg_work)" reject - --reason spam --yes <"$ids" 2>>"$errlog"
    stdin+=("$(ms_since "$t")"); pg_check "reject -"
  done
  dropdb --force pg_work
  local ref_ms; ref_ms=$(printf '%s\n' "${ref[@]}" | median)
  pg_add reject_where_ms "$(printf '%s\n' "${where[@]}" | median)" "$ref_ms"
  pg_add reject_stdin_ms "$(printf '%s\n' "${stdin[@]}" | median)" "$ref_ms"
}

# (3) one-shot command: modq count vs psql -c 'select count(*) ...' (each a whole process)
pg_count() {
  log "(3) PostgreSQL count: modq count --status pending vs psql select count(*), x$RUNS each"
  local m=() off=() ref=() t i addr; addr="$(pg_addr pg_pending)"
  for ((i = 0; i < RUNS; i++)); do
    t=$(now); "$launcher" --db "$addr" count --status pending >/dev/null; m+=("$(ms_since "$t")")
    t=$(now); MODQ_FAST_START=0 "$launcher" --db "$addr" count --status pending >/dev/null; off+=("$(ms_since "$t")")
    t=$(now); psql -d pg_pending -Atc "select count(*) from comments where status='pending'" >/dev/null; ref+=("$(ms_since "$t")")
  done
  local ref_ms; ref_ms=$(printf '%s\n' "${ref[@]}" | median)
  pg_add count_ms "$(printf '%s\n' "${m[@]}" | median)" "$ref_ms"
  pg_add count_plain_jvm_ms "$(printf '%s\n' "${off[@]}" | median)" "$ref_ms"
}

# (4) text UI: launch in tmux until the footer shows; the in-process key timings and bytes per move
pg_ui() {
  log "(4) PostgreSQL UI: launch in tmux 80x24 until the footer shows, x$RUNS (after one unmeasured first run)"
  local launch=() t i p shown ms
  for ((i = -1; i < RUNS; i++)); do
    pg_fresh pg_pending pg_work
    t=$(now)
    tmux new-session -d -s "$tsession" -x 80 -y 24 "'$launcher' --db '$(pg_addr pg_work)'"
    shown=0
    for ((p = 0; p < 3000; p++)); do
      if tmux capture-pane -p -t "$tsession" 2>/dev/null | tail -1 | grep -q 'approve'; then shown=1; break; fi
    done
    ms=$(ms_since "$t")
    tmux send-keys -t "$tsession" q
    for ((p = 0; p < 100; p++)); do tmux has-session -t "$tsession" 2>/dev/null || break; sleep 0.1; done
    tmux kill-session -t "$tsession" >/dev/null 2>&1 || true
    ((shown)) || { echo "bench/run: the UI on PostgreSQL never showed its footer in tmux" >&2; exit 1; }
    ((i < 0)) || launch+=("$ms")
  done
  pg_add ui_launch_ms "$(printf '%s\n' "${launch[@]}" | median)" ""
  log "(4) PostgreSQL UI: in-process keys ($UI_KEYS per kind, $UI_FILTERS filters) at $N pending, -Xmx128m"
  pg_fresh pg_pending pg_work
  bj -Xmx128m -XX:+UseSerialGC dev.modq.bench.UiBench "$(pg_addr pg_work)" "$UI_KEYS" "$UI_FILTERS" "$tmp/ui-pg.json"
  bj -Xmx128m -XX:+UseSerialGC dev.modq.bench.MoveBytes "$(pg_addr pg_work)" 100 >"$tmp/move-bytes-pg.txt"
  dropdb --force pg_work
  local k v
  pguiv() { grep -o "\"$1\":[0-9.]*" "$tmp/ui-pg.json" | cut -d: -f2; }
  pg_add ui_first_frame_in_process_ms "$(pguiv first_frame_in_process_ms)" ""
  for k in move page_down approve filter; do
    pg_add "ui_${k}_median_ms" "$(pguiv "${k}_median_ms")" ""
    pg_add "ui_${k}_p99_ms" "$(pguiv "${k}_p99_ms")" ""
  done
  pg_add ui_move_bytes "$(sed -n 's/^single move: median \([0-9]*\) bytes.*/\1/p' "$tmp/move-bytes-pg.txt")" ""
  pg_add ui_move_bytes_held "$(sed -n 's/.*= \([0-9]*\) bytes per move.*/\1/p' "$tmp/move-bytes-pg.txt")" ""
  pg_add ui_peak_heap_mb "$(pguiv heap_peak_mb)" ""
  pg_add ui_peak_rss_mb "$(pguiv rss_peak_mb)" ""
}

# (5) WXR import into PostgreSQL (recorded once modq import writes to PostgreSQL)
pg_wxr() {
  log "(5) PostgreSQL WXR: $WXR_N comments, modq import (-Xmx256m)"
  pg_fresh pg_empty pg_wxr
  local t ms opts="-Xmx256m -Xlog:gc,gc+heap+exit:file=$tmp/gc-wxr-pg.log"
  t=$(now)
  if ! MODQ_JAVA_OPTS="$opts" "$launcher" --db "$(pg_addr pg_wxr)" import "$tmp/site.xml" 2>>"$errlog"; then
    log "(5) PostgreSQL: modq import refused: $(tail -n 1 "$errlog")"; dropdb --force pg_wxr; return 0
  fi
  ms=$(ms_since "$t")
  [[ "$(pg_value pg_wxr "select count(*) from comments")" == "$WXR_N" ]] || { echo "bench/run: PostgreSQL WXR import incomplete" >&2; exit 1; }
  dropdb --force pg_wxr
  pg_add wxr_import_comments_per_s "$(awk -v n="$WXR_N" -v ms="$ms" 'BEGIN {printf "%.0f", n * 1000 / ms}')" ""
  pg_add wxr_import_peak_heap_mb "$(gc_peak_mb "$tmp/gc-wxr-pg.log")" ""
}

# JSON for one measure's PostgreSQL side (empty when the measure has none)
pg_json() {
  local name=$1 m r
  [[ -n "${PGM[$name]+x}" ]] || return 0
  m=${PGM[$name]:-null}; r=${PGR[$name]:-}
  printf ', "postgresql": {"modq": %s, "reference": %s, "ratio": %s}' "${m:-null}" "${r:-null}" \
    "$([[ -n $r ]] && ratio "$m" "$r" || echo null)"
}
