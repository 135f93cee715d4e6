<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

/** Rewrites every folio; slow on a big hotel (sleep stands in for that), hence maintenance_required. */
class AddClosedAtToFolios extends Migration
{
    public function up()
    {
        Schema::table('folios', function (Blueprint $table) {
            $table->timestamp('closed_at')->nullable()->after('balance');
        });
        DB::update("UPDATE folios SET closed_at = updated_at WHERE status = 'closed'");
        sleep(3);
    }

    public function down()
    {
        Schema::table('folios', function (Blueprint $table) {
            $table->dropColumn('closed_at');
        });
    }
}
