<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

class CreatePmsTables extends Migration
{
    public function up()
    {
        Schema::create('rooms', function (Blueprint $table) {
            $table->id();
            $table->string('number', 8)->unique();
            $table->string('type', 20);
            $table->decimal('rate', 10, 2);
            $table->timestamps();
        });
        Schema::create('guests', function (Blueprint $table) {
            $table->id();
            $table->string('name');
            $table->string('email')->nullable();
            $table->timestamps();
        });
        Schema::create('bookings', function (Blueprint $table) {
            $table->id();
            $table->foreignId('room_id')->constrained();
            $table->foreignId('guest_id')->constrained();
            $table->date('check_in');
            $table->date('check_out');
            $table->string('status', 20);
            $table->timestamps();
        });
        Schema::create('folios', function (Blueprint $table) {
            $table->id();
            $table->foreignId('booking_id')->nullable()->constrained();
            $table->string('status', 10);
            $table->decimal('balance', 10, 2)->default(0);
            $table->timestamps();
        });
        Schema::create('job_runs', function (Blueprint $table) {
            $table->id();
            $table->string('token', 64)->unique();
            $table->string('app_version', 32);
            $table->timestamp('processed_at')->nullable();
        });
        Schema::create('failed_jobs', function (Blueprint $table) {
            $table->id();
            $table->string('uuid')->unique();
            $table->text('connection');
            $table->text('queue');
            $table->longText('payload');
            $table->longText('exception');
            $table->timestamp('failed_at')->useCurrent();
        });
    }

    public function down()
    {
        foreach (['failed_jobs', 'job_runs', 'folios', 'bookings', 'guests', 'rooms'] as $table) {
            Schema::dropIfExists($table);
        }
    }
}
