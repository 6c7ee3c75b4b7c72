// Command mou-ferretdb runs FerretDB v1 embedded, with its SQLite backend, for MOU Engine.
//
// We embed github.com/FerretDB/FerretDB/ferretdb instead of building FerretDB's own cmd/ferretdb:
// a binary built from that module panics at start (its version check needs the main module to be
// FerretDB itself). It prints the MongoDB URI once listening, and exits on SIGINT/SIGTERM or when
// its stdin closes, so a dead parent never leaves an orphan.
//
// Clients connect to our relay (relay.go) on -listen, not to FerretDB itself: FerretDB listens on an
// internal loopback port, and the relay drops its replies to unacknowledged writes, which would otherwise
// shift every later answer on the connection by one. -no-relay serves plain FerretDB (tests use it to
// reproduce that bug).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on")
	dataDir := flag.String("data", ".data", "directory for the SQLite files")
	watchStdin := flag.Bool("watch-stdin", true, "exit when stdin closes")
	verbose := flag.Bool("verbose", false, "log every connection (default: warnings only)")
	noIDIndex := flag.Bool("no-id-index", false, "do not add the _id lookup index (see idindex.go)")
	noRelay := flag.Bool("no-relay", false, "let FerretDB listen on -listen itself, without the relay "+
		"that drops its replies to unacknowledged writes (reproduces that bug; for tests)")
	flag.Parse()

	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		fatal("cannot create data directory: %v", err)
	}
	var relay net.Listener // the public listener, unless -no-relay
	addr := *listen        // where FerretDB listens
	if !*noRelay {
		l, err := net.Listen("tcp", *listen)
		if err != nil {
			fatal("cannot listen on %s: %v", *listen, err)
		}
		relay = l
		addr = "127.0.0.1:0" // FerretDB binds it in ferretdb.New, so the port is known right after
	} else if _, port, err := net.SplitHostPort(addr); err == nil && port == "0" {
		// Pick a free port ourselves so the URI we print is the one we listen on.
		l, err := net.Listen("tcp", addr)
		if err != nil {
			fatal("cannot find a free port: %v", err)
		}
		addr = l.Addr().String()
		l.Close()
	}

	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelInfo
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Logger:    logger,
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/",
	})
	if err != nil {
		fatal("cannot configure FerretDB: %v", err)
	}
	ferretURI := f.MongoDBURI()
	if u, err := url.Parse(ferretURI); err == nil {
		addr = u.Host // the port FerretDB actually took
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// Announce the URI only once the port accepts connections.
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		select {
		case err := <-done:
			fatal("FerretDB stopped before listening: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			fatal("FerretDB did not listen on %s within 30 s", addr)
		}
		time.Sleep(50 * time.Millisecond)
	}
	publicURI := ferretURI
	if relay != nil {
		go serveRelay(relay, addr, logger)
		go func() { <-ctx.Done(); relay.Close() }() // no new clients; FerretDB closes the current ones
		publicURI = (&url.URL{Scheme: "mongodb", Host: relay.Addr().String(), Path: "/"}).String()
	}
	fmt.Printf("LISTENING %s\n", publicURI)
	if !*noIDIndex {
		go watchIDIndexes(ctx, *dataDir, logger, time.Second)
	}

	if err := <-done; err != nil && ctx.Err() == nil {
		fatal("FerretDB stopped: %v", err)
	}
}

func fatal(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "mou-ferretdb: "+format+"\n", args...)
	os.Exit(1)
}
