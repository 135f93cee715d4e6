CREATE TABLE bookings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guest VARCHAR(255) NOT NULL,
  room VARCHAR(16) NOT NULL,
  nights INTEGER NOT NULL DEFAULT 1
);
INSERT INTO bookings (guest, room, nights) VALUES ('Guest A', '101', 2);
INSERT INTO bookings (guest, room, nights) VALUES ('Guest B', '102', 1);
INSERT INTO bookings (guest, room, nights) VALUES ('Guest C', '201', 3);
