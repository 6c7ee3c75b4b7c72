package main

// FerretDB v1.24's SQLite backend looks documents up by _id with the SQL expression
// `_ferretdb_sjson->'$._id'`, but the _id index it creates is on `_ferretdb_sjson->"_id"`: SQLite cannot
// match the two, so every find, update and delete by _id scans the whole table (measured: an update by _id
// cost 0.08 ms per stored agreement). This watcher adds an index on the exact expression to every
// collection table. It changes no data and no FerretDB metadata; dropping a collection drops it too.

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite"
)

const idIndexSuffix = "__mou_id_path"

type idIndexer struct {
	dir    string
	logger *slog.Logger
	dbs    map[string]*sql.DB
	done   map[string]bool
}

func watchIDIndexes(ctx context.Context, dir string, logger *slog.Logger, every time.Duration) {
	ix := &idIndexer{dir: dir, logger: logger, dbs: map[string]*sql.DB{}, done: map[string]bool{}}
	defer ix.closeAll()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		ix.pass(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (ix *idIndexer) closeAll() {
	for _, db := range ix.dbs {
		db.Close()
	}
}

func (ix *idIndexer) forget(file string) {
	if db, ok := ix.dbs[file]; ok {
		db.Close()
		delete(ix.dbs, file)
	}
	for k := range ix.done {
		if strings.HasPrefix(k, file+"\x00") {
			delete(ix.done, k)
		}
	}
}

func (ix *idIndexer) pass(ctx context.Context) {
	files, _ := filepath.Glob(filepath.Join(ix.dir, "*.sqlite"))
	seen := map[string]bool{}
	for _, f := range files {
		seen[f] = true
		if err := ix.indexFile(ctx, f); err != nil {
			ix.logger.Debug("id index pass", "file", f, "error", err)
			ix.forget(f)
		}
	}
	for f := range ix.dbs {
		if !seen[f] {
			ix.forget(f)
		}
	}
}

func (ix *idIndexer) indexFile(ctx context.Context, file string) error {
	db, ok := ix.dbs[file]
	if !ok {
		if _, err := os.Stat(file); err != nil {
			return err
		}
		var err error
		db, err = sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
		if err != nil {
			return err
		}
		db.SetMaxOpenConns(1)
		ix.dbs[file] = db
	}
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	for _, t := range tables {
		key := file + "\x00" + t
		if ix.done[key] {
			continue
		}
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, t+idIndexSuffix, t)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
		ix.done[key] = true
	}
	return nil
}
