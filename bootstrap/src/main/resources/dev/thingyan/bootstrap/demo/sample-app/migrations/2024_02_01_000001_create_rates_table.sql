CREATE TABLE rates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room_type VARCHAR(32) NOT NULL,
  amount_mmk INTEGER NOT NULL
);
INSERT INTO rates (room_type, amount_mmk) VALUES ('standard', 85000);
INSERT INTO rates (room_type, amount_mmk) VALUES ('deluxe', 120000);
