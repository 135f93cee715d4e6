<?php
return ['paths' => [], 'compiled' => realpath(storage_path('framework/views'))];
