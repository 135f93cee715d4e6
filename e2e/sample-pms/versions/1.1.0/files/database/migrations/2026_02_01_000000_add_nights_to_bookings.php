<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

/** Expand: a nullable column (1.0.0's code keeps inserting without it), filled for every booking. */
class AddNightsToBookings extends Migration
{
    public function up()
    {
        Schema::table('bookings', function (Blueprint $table) {
            $table->unsignedSmallInteger('nights')->nullable()->after('check_out');
        });
        DB::update('UPDATE bookings SET nights = DATEDIFF(check_out, check_in)');
    }

    public function down()
    {
        Schema::table('bookings', function (Blueprint $table) {
            $table->dropColumn('nights');
        });
    }
}
