// Package fixedpace: bluesky-social/indigo cmd/tap EventManager.LoadEvents,
// a paginated load that retries a failed page every 500ms and exits on
// ctx. The fixed rule asks whether failures make the loop poll faster
// than success does; here success goes on to the next page at once, so a
// failure slows the loop down, and each failure is logged.
package fixedpace

import (
	"context"
	"database/sql"
	"log"
	"sync/atomic"
	"time"
)

type manager struct {
	db       *sql.DB
	full     func() bool
	finished atomic.Bool
}

func (m *manager) loadPage(ctx context.Context, lastID int) (int, error) {
	rows, err := m.db.QueryContext(ctx, "SELECT id FROM outbox WHERE id > ? ORDER BY id LIMIT 1000", lastID)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(&lastID); err != nil {
			return 0, err
		}
	}
	return lastID, rows.Err()
}

// Silent: the failure pace (500ms) is slower than the success pace (the
// next page at once); the error is logged; ctx ends the loop.
func (m *manager) loadEvents(ctx context.Context) {
	lastID := 0
	for {
		select {
		case <-ctx.Done():
			return
		default:
			if m.full() {
				time.Sleep(10 * time.Millisecond)
				continue
			}
			id, err := m.loadPage(ctx, lastID)
			if err != nil {
				log.Printf("load events after %d: %v", lastID, err)
				time.Sleep(500 * time.Millisecond)
				continue
			}
			if id == lastID {
				m.finished.Store(true)
				return
			}
			lastID = id
		}
	}
}

// Reported: the same retry in a poller whose success pace is 5s: a
// failure makes it poll ten times faster.
func (m *manager) pollEvents(ctx context.Context) {
	lastID := 0
	for { // want `retries manager\.loadPage every 500ms when it fails, with no backoff and faster than on success`
		select {
		case <-ctx.Done():
			return
		default:
		}
		id, err := m.loadPage(ctx, lastID)
		if err != nil {
			log.Printf("poll events after %d: %v", lastID, err)
			time.Sleep(500 * time.Millisecond)
			continue
		}
		lastID = id
		time.Sleep(5 * time.Second)
	}
}
