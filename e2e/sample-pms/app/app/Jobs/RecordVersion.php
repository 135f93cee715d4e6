<?php

namespace App\Jobs;

use App\Version;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Queue\SerializesModels;
use Illuminate\Support\Facades\DB;

/** Records the version of the code the queue worker runs. */
class RecordVersion implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable, SerializesModels;

    public function __construct(public string $token)
    {
    }

    public function handle()
    {
        DB::table('job_runs')->insert([
            'token' => $this->token,
            'app_version' => Version::VERSION,
            'processed_at' => now(),
        ]);
    }
}
