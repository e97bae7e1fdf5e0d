package dropwrite

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"text/tabwriter"
)

type didCollection struct {
	Did, Collection string
}

// Reported: bluesky-social/indigo cmd/collectiondir DidCollectionsToCsv.
// Each record received is written to a csv.Writer whose error nobody
// reads: a full disk loses every row while the crawl runs to its end.
func didCollectionsToCsv(out *os.File, sources <-chan didCollection) {
	writer := csv.NewWriter(out)
	defer writer.Flush()
	var row [2]string
	for dc := range sources { // want `error from csv\.Writer\.Write discarded in a copy loop: when the write fails \(a full disk, a closed peer\) the loop goes on to the end of the source and nothing sees the failure; fix: check the write's error`
		row[0] = dc.Did
		row[1] = dc.Collection
		writer.Write(row[:])
	}
}

// Reported: events encoded onto a conn, Encode's error dropped.
func encodeEvents(conn net.Conn, events <-chan didCollection) {
	enc := json.NewEncoder(conn)
	for ev := range events { // want `error from json\.Encoder\.Encode discarded in a copy loop`
		enc.Encode(ev)
	}
}

type record struct{ ID string }

// Reported: a struct literal built from each received value, gob-encoded
// to a file.
func gobRecords(f *os.File, events <-chan didCollection) {
	enc := gob.NewEncoder(f)
	for { // want `error from gob\.Encoder\.Encode discarded in a copy loop`
		ev, ok := <-events
		if !ok {
			return
		}
		enc.Encode(record{ID: ev.Did})
	}
}

// Reported: scanner lines printed into a file with fmt.Fprintf.
func linesToFile(f *os.File, sc *bufio.Scanner) {
	for sc.Scan() { // want `error from fmt\.Fprintf discarded in a copy loop`
		fmt.Fprintf(f, "> %s\n", sc.Text())
	}
}

// Reported: messages forwarded to a conn with fmt.Fprintln.
func forwardLines(conn net.Conn, msgs <-chan string) {
	for m := range msgs { // want `error from fmt\.Fprintln discarded in a copy loop`
		fmt.Fprintln(conn, m)
	}
}

// Silent: the csv.Writer's sticky error is read after the loop.
func csvChecked(out *os.File, sources <-chan didCollection) error {
	w := csv.NewWriter(out)
	for dc := range sources {
		w.Write([]string{dc.Did, dc.Collection})
	}
	w.Flush()
	return w.Error()
}

// Silent: a csv.Writer handed in: its owner keeps the sticky error and
// reads it (Flush and Error) after this loop.
func csvRows(w *csv.Writer, sources <-chan didCollection) {
	for dc := range sources {
		w.Write([]string{dc.Did, dc.Collection})
	}
}

// Silent: a CLI's output.
func csvStdout(sources <-chan didCollection) {
	w := csv.NewWriter(os.Stdout)
	defer w.Flush()
	for dc := range sources {
		w.Write([]string{dc.Did, dc.Collection})
	}
}

// Silent: an encoder over memory.
func encodeToBuffer(events <-chan didCollection) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for ev := range events {
		enc.Encode(ev)
	}
	return buf.Bytes()
}

// Silent: Encode's error stops the loop.
func encodeChecked(conn net.Conn, events <-chan didCollection) error {
	enc := json.NewEncoder(conn)
	for ev := range events {
		if err := enc.Encode(ev); err != nil {
			return err
		}
	}
	return nil
}

// Silent: a bounded report of an in-memory slice, not a stream.
func report(f *os.File, rows []didCollection) {
	for _, r := range rows {
		fmt.Fprintf(f, "%s\t%s\n", r.Did, r.Collection)
	}
}

// Silent: printing received values to stdout.
func printAll(msgs <-chan string) {
	for m := range msgs {
		fmt.Fprintln(os.Stdout, m)
	}
}

// Silent: Server-Sent Events that stop when the client goes.
func sse(w http.ResponseWriter, r *http.Request, events <-chan string) {
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-events:
			fmt.Fprintf(w, "data: %s\n\n", ev)
			w.(http.Flusher).Flush()
		}
	}
}

// Silent: a bufio.Writer over a file whose Flush error is checked.
func bufferedPrint(f *os.File, msgs <-chan string) error {
	bw := bufio.NewWriter(f)
	for m := range msgs {
		fmt.Fprintln(bw, m)
	}
	return bw.Flush()
}

// Silent: a tabwriter over stdout.
func table(msgs <-chan string) {
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	for m := range msgs {
		fmt.Fprintf(tw, "%s\t\n", m)
	}
	tw.Flush()
}

// Silent: the loop stops on a cancelled context and checks Fprintf's
// error... here by returning it.
func forwardChecked(ctx context.Context, conn net.Conn, msgs <-chan string) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case m := <-msgs:
			if _, err := fmt.Fprintln(conn, m); err != nil {
				return err
			}
		}
	}
}
