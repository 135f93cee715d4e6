ALTER TABLE bookings ADD COLUMN channel VARCHAR(32) NOT NULL DEFAULT 'direct';
UPDATE bookings SET channel = 'agoda' WHERE room = '201';
