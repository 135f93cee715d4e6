<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

/** The hotel's starting data: 20 rooms, 12 guests with past stays, their settled folios. */
class SeedHotel extends Migration
{
    public function up()
    {
        $now = '2026-01-01 09:00:00';
        for ($i = 1; $i <= 20; $i++) {
            DB::table('rooms')->insert([
                'number' => sprintf('%d%02d', intdiv($i - 1, 10) + 1, ($i - 1) % 10 + 1),
                'type' => $i % 4 === 0 ? 'suite' : ($i % 2 === 0 ? 'double' : 'single'),
                'rate' => $i % 4 === 0 ? 180.00 : ($i % 2 === 0 ? 95.50 : 65.25),
                'created_at' => $now, 'updated_at' => $now,
            ]);
        }
        for ($g = 1; $g <= 12; $g++) {
            $guest = DB::table('guests')->insertGetId([
                'name' => 'Guest '.$g, 'email' => 'guest'.$g.'@example.com',
                'created_at' => $now, 'updated_at' => $now,
            ]);
            $booking = DB::table('bookings')->insertGetId([
                'room_id' => $g, 'guest_id' => $guest,
                'check_in' => sprintf('2026-01-%02d', $g), 'check_out' => sprintf('2026-01-%02d', $g + 1 + $g % 3),
                'status' => $g <= 4 ? 'checked_in' : 'checked_out',
                'created_at' => $now, 'updated_at' => $now,
            ]);
            DB::table('folios')->insert([
                'booking_id' => $booking, 'status' => 'closed', 'balance' => 0,
                'created_at' => $now, 'updated_at' => $now,
            ]);
        }
    }

    public function down()
    {
        DB::table('folios')->delete();
        DB::table('bookings')->delete();
        DB::table('guests')->delete();
        DB::table('rooms')->delete();
    }
}
