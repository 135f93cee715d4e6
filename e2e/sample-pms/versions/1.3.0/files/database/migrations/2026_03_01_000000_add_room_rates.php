<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

class AddRoomRates extends Migration
{
    public function up()
    {
        Schema::table('rooms', function (Blueprint $table) {
            $table->unsignedTinyInteger('floor')->nullable()->after('number');
        });
        Schema::create('room_rates', function (Blueprint $table) {
            $table->id();
            $table->foreignId('room_id')->constrained();
            $table->string('season', 10);
            $table->decimal('rate', 10, 2);
        });
    }

    public function down()
    {
        Schema::dropIfExists('room_rates');
        Schema::table('rooms', function (Blueprint $table) {
            $table->dropColumn('floor');
        });
    }
}
