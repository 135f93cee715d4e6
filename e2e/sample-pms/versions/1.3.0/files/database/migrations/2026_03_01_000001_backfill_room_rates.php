<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

/** Fills the rates and floors, and fails halfway (MariaDB has no transactional DDL: nothing is undone). */
class BackfillRoomRates extends Migration
{
    public function up()
    {
        DB::update('UPDATE rooms SET floor = CAST(LEFT(number, 1) AS UNSIGNED), rate = rate * 1.10');
        foreach (DB::table('rooms')->orderBy('id')->get() as $room) {
            DB::table('room_rates')->insert(['room_id' => $room->id, 'season' => 'high', 'rate' => $room->rate * 1.5]);
            if ($room->id == 10) {
                throw new RuntimeException('room 10 has no rate for the low season');
            }
        }
    }

    public function down()
    {
        DB::table('room_rates')->delete();
    }
}
