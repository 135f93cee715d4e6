<?php

namespace Database\Seeders;

use Illuminate\Database\Seeder;

/** The hotel's starting data comes with the migrations (2026_01_01_000001_seed_hotel). */
class DatabaseSeeder extends Seeder
{
    public function run()
    {
    }
}
