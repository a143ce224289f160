<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnswerView</name>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="90"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="101"/>
        <source>&lt;span style=&apos;font-size:28pt; font-weight:bold&apos;&gt;{0}&lt;/span&gt; {1:.1f} %</source>
        <translation>&lt;span style=&apos;font-size:28pt; font-weight:bold&apos;&gt;{0}&lt;/span&gt; {1:.1f} %</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="105"/>
        <source>unlike its training</source>
        <translation>不像训练数据</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="105"/>
        <source>unsure</source>
        <translation>没有把握</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="110"/>
        <source>Live from your notebook: {0} · step {1}</source>
        <translation>来自你的笔记本的实时网络：{0} · 第 {1} 步</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="117"/>
        <source>Quick</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="118"/>
        <source>Book</source>
        <translation>书中设置</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="119"/>
        <source>your own settings</source>
        <translation>你自己的设置</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="124"/>
        <source>Epoch {0} of {1} of the run “{2}” (stepping through it)</source>
        <translation>训练记录“{2}”的第 {0}/{1} 轮（正在逐轮查看）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="128"/>
        <source>Live view: epoch {0} of {1} · {2} · {3} — not kept</source>
        <translation>实时视图：第 {0}/{1} 轮 · {2} · {3} —— 不会保留</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="135"/>
        <source>Test sample #{0} · true label: {1} {2}</source>
        <translation>测试样本 #{0} · 真实标签：{1} {2}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="156"/>
        <source>{0} {1:.0f} %</source>
        <translation>{0} {1:.0f} %</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="160"/>
        <source>Digit {0} of {1} in the views — click a digit, or its number on the canvas, or ←/→</source>
        <translation>视图中显示的是第 {0} 位（共 {1} 位）——点击一位数字、画布上它的编号，或按 ←/→</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="165"/>
        <source>unsure about digit {0}</source>
        <translation>第 {0} 位没有把握</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/answer.py" line="168"/>
        <source>A cut between touching digits is unsure</source>
        <translation>相连数字之间的切分不确定</translation>
    </message>
</context>
<context>
    <name>ArchitectureView</name>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="175"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="176"/>
        <source>Operation</source>
        <translation>运算</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="177"/>
        <source>Output
shape</source>
        <translation>输出
形状</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="179"/>
        <source>Output
size</source>
        <translation>输出
尺寸</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="193"/>
        <source>{0} (all)</source>
        <translation>{0}（全部）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="195"/>
        <source>{0}, jump {1}</source>
        <translation>{0}，跳距 {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="178"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="164"/>
        <source>Show PyTorch Code</source>
        <translation>显示 PyTorch 代码</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="166"/>
        <source>Receptive
field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="168"/>
        <source>How many input pixels one value of the layer sees, and how far apart (jump) neighbouring values&apos; fields are: r = r₋₁ + (k − 1)·j₋₁, j = s·j₋₁</source>
        <translation>该层一个值看到多少输入像素，以及相邻值的感受野相隔多远（跳距）：r = r₋₁ + (k − 1)·j₋₁，j = s·j₋₁</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="185"/>
        <source>Output size of a convolution or pooling: {0}</source>
        <translation>卷积或汇聚层的输出尺寸：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="211"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="215"/>
        <source>{0} — {1:,} parameters; input {2}. Output size of a convolution or pooling: {3}, n input size, k kernel, p padding per side, s stride.</source>
        <translation>{0} — 共 {1:,} 个参数；输入 {2}。卷积或汇聚层的输出尺寸：{3}，n 为输入尺寸，k 为核大小，p 为每侧填充，s 为步幅。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/architecture.py" line="220"/>
        <source>Test accuracy: {0:.2f} %.</source>
        <translation>测试准确率：{0:.2f} %。</translation>
    </message>
</context>
<context>
    <name>CanvasPanel</name>
    <message>
        <location filename="../../lenet_desktop/ui/sources/canvas_panel.py" line="91"/>
        <location filename="../../lenet_desktop/ui/sources/canvas_panel.py" line="107"/>
        <source>Brush {0} px</source>
        <translation>笔刷 {0} 像素</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/canvas_panel.py" line="93"/>
        <source>Brush width in pixels of the 560-pixel paper ([ and ] change it)</source>
        <translation>笔刷宽度，以 560 像素画纸的像素计（[ 和 ] 调整）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/canvas_panel.py" line="95"/>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/canvas_panel.py" line="96"/>
        <source>Erase instead of drawing (E)</source>
        <translation>擦除而不是绘制 (E)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/canvas_panel.py" line="97"/>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/canvas_panel.py" line="99"/>
        <source>Click inside an outline to fill it with ink (garments are filled shapes)</source>
        <translation>在轮廓内点击，用墨水填满（服装是实心的形状）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/canvas_panel.py" line="101"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/canvas_panel.py" line="102"/>
        <source>Clear the canvas (Esc)</source>
        <translation>清空画布 (Esc)</translation>
    </message>
</context>
<context>
    <name>CleaningView</name>
    <message>
        <location filename="../../lenet_desktop/ui/views/cleaning_view.py" line="81"/>
        <source>How the picture was read</source>
        <translation>图片是怎样读取的</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/cleaning_view.py" line="82"/>
        <source>Read as ink</source>
        <translation>读作墨迹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/cleaning_view.py" line="84"/>
        <source>What was kept as the digit; the paper&apos;s lines and dots, removed, in red</source>
        <translation>保留为数字的部分；去掉的纸张横线和圆点以红色显示</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/cleaning_view.py" line="86"/>
        <source>As opened</source>
        <translation>原图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/cleaning_view.py" line="87"/>
        <source>The picture as it was opened</source>
        <translation>打开时的图片</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <location filename="../../lenet_desktop/ui/tools/code_view.py" line="24"/>
        <source>PyTorch Code · {0}</source>
        <translation>PyTorch 代码 · {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/code_view.py" line="27"/>
        <source>Paste it into a notebook: it builds the same network, layer by layer (names and output shapes as comments). Model ▸ Export Weights for a Notebook… writes weights that load into it.</source>
        <translation>把它粘贴到笔记本中：它逐层搭建同一个网络（层名和输出形状写在注释里）。“模型 ▸ 导出权重到笔记本…”写出的权重可以直接加载进去。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/code_view.py" line="37"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="135"/>
        <source>Compare Runs</source>
        <translation>比较训练记录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="136"/>
        <source>Training loss along the run</source>
        <translation>训练过程中的损失</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="137"/>
        <source>Test accuracy after each epoch (%)</source>
        <translation>每轮结束后的测试准确率（%）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="138"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="139"/>
        <source>test accuracy (%)</source>
        <translation>测试准确率（%）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="141"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="143"/>
        <source>Run</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="143"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="143"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="143"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="144"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="144"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="146"/>
        <source>Export Chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="147"/>
        <source>Export Table (CSV)…</source>
        <translation>导出表格（CSV）…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="163"/>
        <source>Compare Runs — {0}</source>
        <translation>比较训练记录 — {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="198"/>
        <source>C1 kernels, {0}×{0} weights each · {1}</source>
        <translation>C1 卷积核，每个 {0}×{0} 个权重 · {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/compare_window.py" line="202"/>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
</context>
<context>
    <name>ConfusionTable</name>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/confusion.py" line="50"/>
        <source>{0} images of {1} were predicted as {2} ({3:.1f} % of that class)</source>
        <translation>{0} 张“{1}”图像被预测为“{2}”（占该类的 {3:.1f} %）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/confusion.py" line="62"/>
        <source>→ {0}</source>
        <translation>→ {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/confusion.py" line="64"/>
        <source>Rows: true class · columns: predicted class</source>
        <translation>行：真实类别 · 列：预测类别</translation>
    </message>
</context>
<context>
    <name>ControlsColumn</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/controls.py" line="50"/>
        <source>Train</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/controls.py" line="51"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Curves</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/curves.py" line="94"/>
        <source>Training loss (average of the last {0} steps)</source>
        <translation>训练损失（最近 {0} 步的平均）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/curves.py" line="96"/>
        <source>Accuracy (blue: training, orange: test)</source>
        <translation>准确率（蓝：训练集，橙：测试集）</translation>
    </message>
</context>
<context>
    <name>DeviceBox</name>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/device_box.py" line="12"/>
        <source>auto (best available)</source>
        <translation>自动（最佳可用）</translation>
    </message>
</context>
<context>
    <name>EpochStepper</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="68"/>
        <source>The epoch before (←)</source>
        <translation>上一轮（←）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="69"/>
        <source>The epoch after (→)</source>
        <translation>下一轮（→）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="70"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="70"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="71"/>
        <source>Back to My Model</source>
        <translation>回到我的模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="73"/>
        <source>Put the model you had before stepping through the epochs back in use</source>
        <translation>重新使用逐轮查看之前的模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="116"/>
        <source>Epochs: no run to step through</source>
        <translation>轮次：没有可逐轮查看的训练记录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="118"/>
        <source>Epochs: none kept for this run</source>
        <translation>轮次：这次训练没有保存各轮的权重</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="120"/>
        <source>Epochs: wait for the run to end</source>
        <translation>轮次：请等训练结束</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/epochs.py" line="122"/>
        <source>Epoch {0} of {1}</source>
        <translation>第 {0}/{1} 轮</translation>
    </message>
</context>
<context>
    <name>ExercisesView</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="159"/>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="160"/>
        <source>Quick (about a minute each)</source>
        <translation>快速（每次约一分钟）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="161"/>
        <source>Book (the chapter&apos;s settings)</source>
        <translation>书中设置（本章的原始设置）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="162"/>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="163"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="165"/>
        <source>Train on only this many training images: faster, a little less accurate</source>
        <translation>只用这么多张训练图像：更快，准确率略低</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="167"/>
        <source>Set Up</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="168"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="169"/>
        <source>Export Markdown…</source>
        <translation>导出 Markdown…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="170"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="172"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="172"/>
        <source>Run</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="172"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="172"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="184"/>
        <source>Trains: {0} on {1}.</source>
        <translation>训练：在 {1} 上训练 {0}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="191"/>
        <source>Train All ({0} runs)</source>
        <translation>全部训练（{0} 次）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="194"/>
        <source>Your results: {0}</source>
        <translation>你的结果：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="202"/>
        <source>not trained yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="252"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown（*.md）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/exercises_view.py" line="254"/>
        <source>Export Exercises</source>
        <translation>导出练习</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="96"/>
        <source>Explain this value</source>
        <translation>解释这个值</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="132"/>
        <source>Draw something: the numbers appear here.</source>
        <translation>画点什么：数字会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="140"/>
        <source>{0} · unit {1}</source>
        <translation>{0} · 第 {1} 个单元</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="141"/>
        <source>{0} · map {1} · row {2}, column {3}</source>
        <translation>{0} · 通道 {1} · 第 {2} 行，第 {3} 列</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="151"/>
        <source>Receptive field: rows {0}–{1}, columns {2}–{3} of the {6} input ({4}×{5} pixels)</source>
        <translation>感受野：{6} 输入的第 {0}–{1} 行、第 {2}–{3} 列（{4}×{5} 像素）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="154"/>
        <source>— {0}×{0} unclipped, cut at the border</source>
        <translation>— 未裁剪时为 {0}×{0}，在边界处被截断</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="159"/>
        <source>Recomputed: {0} · recorded by the forward pass: {1}</source>
        <translation>重新计算：{0} · 前向传播记录的值：{1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="169"/>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="310"/>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="329"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="176"/>
        <source>Convolution {0}×{0}, stride {1}, padding {2}: for each input map, the patch under the kernel times the kernel, element by element; the products summed, the sums added, plus the bias.</source>
        <translation>卷积 {0}×{0}，步幅 {1}，填充 {2}：对每个输入特征图，把卷积核下方的区域与卷积核逐元素相乘；乘积求和，各通道的和相加，再加上偏置。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="189"/>
        <source>LeNet-5&apos;s connection table: map {0} of {1} reads only the {2} maps of row {0}.</source>
        <translation>LeNet-5 的连接表：{1} 的第 {0} 个特征图只读取第 {0} 行所列的 {2} 特征图。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="193"/>
        <source>table (rows: {0} maps)</source>
        <translation>连接表（行：{0} 特征图）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="204"/>
        <source>{0} map {1}</source>
        <translation>{0} 特征图 {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="207"/>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="210"/>
        <source>products</source>
        <translation>乘积</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="217"/>
        <source>Grey cells lie in the padding: zeros.</source>
        <translation>灰色格子位于填充区：值为 0。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="220"/>
        <source>Pre-activation = {0} (the bias) = {1}</source>
        <translation>激活前的值 = {0}（最后一项是偏置）= {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="236"/>
        <source>input pixels (0–1)</source>
        <translation>输入像素（0–1）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="241"/>
        <source>The model sees the pixels as they are (ToTensor&apos;s [0, 1]): x = pixel.</source>
        <translation>模型按原样接收像素（ToTensor 的 [0, 1]）：x = 像素。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="249"/>
        <source>Standardised as the model was trained: x = (pixel − {0}) / {1}; here x = ({2} − {0}) / {1} = {3}</source>
        <translation>按模型训练时的方式标准化：x = (像素 − {0}) / {1}；这里 x = ({2} − {0}) / {1} = {3}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="258"/>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="265"/>
        <source>Max pooling: the largest of the {0} values wins: {1} (outlined).</source>
        <translation>最大汇聚：{0} 个值中最大的胜出：{1}（已框出）。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="268"/>
        <source>Average pooling: ({0}) / {1} = {2}</source>
        <translation>平均汇聚：({0}) / {1} = {2}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="272"/>
        <source>Subsampling: ({0}) × weight {1} + bias {2} = {3}</source>
        <translation>下采样：({0}) × 权重 {1} + 偏置 {2} = {3}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="279"/>
        <source>Batch normalisation with the statistics kept from training:</source>
        <translation>批量规范化，使用训练时保存的统计量：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="294"/>
        <source>Activation: {0}</source>
        <translation>激活函数：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="306"/>
        <source>Fully connected: bias + Σ w·x over all {0} inputs. The {1} largest contributions, largest first:</source>
        <translation>全连接：偏置 + 全部 {0} 个输入的 Σ w·x。贡献最大的 {1} 项，从大到小：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="312"/>
        <source>The other {0} inputs together: {1}</source>
        <translation>其余 {0} 个输入合计：{1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="313"/>
        <source>Bias + Σ w·x = {0} = {1}</source>
        <translation>偏置 + Σ w·x = {0} = {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="325"/>
        <source>LeNet-5&apos;s RBF output: y = Σ (x − w)², the squared distance between F6&apos;s 84 outputs x and this class&apos;s fixed ±1 code w; the logit is −y, so the nearest code wins. The {0} largest terms:</source>
        <translation>LeNet-5 的 RBF 输出层：y = Σ (x − w)²，即 F6 的 84 个输出 x 与该类别固定的 ±1 编码 w 之间的平方距离；logit 为 −y，因此距离最近的编码获胜。最大的 {0} 项：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="330"/>
        <source>The other {0} terms together: {1}</source>
        <translation>其余 {0} 项之和：{1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="331"/>
        <source>y = {0}; logit = −y = {1}</source>
        <translation>y = {0}；logit = −y = {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="348"/>
        <source>Softmax turns the logits into probabilities:</source>
        <translation>归一化指数函数把未归一化的得分 z 变成概率：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="352"/>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="354"/>
        <source>p = {0} / {1} = {2} — the chart shows {3:.1f} %</source>
        <translation>p = {0} / {1} = {2} — 图表显示 {3:.1f} %</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="362"/>
        <source>the padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="365"/>
        <source>Value taken from {0}: {1}</source>
        <translation>取自 {0} 的值：{1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/explain_panel.py" line="369"/>
        <source>Not explained: this app does not explain {0} layers yet.</source>
        <translation>未解释：本应用还不能解释 {0} 层。</translation>
    </message>
</context>
<context>
    <name>FeatureMapsView</name>
    <message>
        <location filename="../../lenet_desktop/ui/views/feature_maps.py" line="37"/>
        <source>Every layer&apos;s output, in the order data flows: one tile per channel, one colour scale per layer. Hover a value to read it; click it to select it; double-click a map to enlarge it with its numbers.</source>
        <translation>每一层的输出，按数据流动的顺序排列：每个通道一个小图，每层一个色标。悬停可读取数值；单击可选中；双击特征图可放大并显示数值。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/feature_maps.py" line="79"/>
        <source>Current input: {0}</source>
        <translation>当前输入：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/feature_maps.py" line="80"/>
        <source>Pinned input: {0}</source>
        <translation>固定的输入：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/feature_maps.py" line="95"/>
        <source>{0} (test #{1})</source>
        <translation>{0}（测试样本 #{1}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/feature_maps.py" line="99"/>
        <source>drawing</source>
        <translation>手绘</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/feature_maps.py" line="101"/>
        <source>picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/feature_maps.py" line="128"/>
        <source>{0} · {1} units</source>
        <translation>{0} · {1} 个单元</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/feature_maps.py" line="131"/>
        <source>{0} · map {1} · {2}×{3}</source>
        <translation>{0} · 第 {1} 张特征图 · {2}×{3}</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/gallery.py" line="42"/>
        <source>Misclassified test images (click to inspect):</source>
        <translation>分类错误的测试图片（点击查看）：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/gallery.py" line="51"/>
        <source>#{0}: true {1}, predicted {2}</source>
        <translation>#{0}：真实 {1}，预测 {2}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../lenet_desktop/ui/sources/import_dialog.py" line="33"/>
        <source>Open a Notebook Model</source>
        <translation>打开笔记本中的模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/import_dialog.py" line="36"/>
        <source>{0} holds a network&apos;s weights, but none of the networks their shapes fit reads the app&apos;s test images much better than chance: the weights look untrained, or the network is unlike these. Describe it in the Architecture Editor, or open one of them anyway.</source>
        <translation>{0} 存有一个网络的权重，但与这些形状相符的网络没有一个读应用的测试图像明显好于随机猜测：这些权重看起来没有训练过，或者网络与这些都不一样。请在架构编辑器中描述它，或者仍然打开其中一个。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/import_dialog.py" line="43"/>
        <source>{0} holds a network&apos;s weights. Shapes cannot tell sigmoid from ReLU, average from max pooling, the dataset or the input&apos;s scaling, so each network was tried on the app&apos;s test images; these read them about as well. Choose the one your notebook built.</source>
        <translation>{0} 存有一个网络的权重。仅凭形状分不出 sigmoid 与 ReLU、平均汇聚与最大汇聚、数据集以及输入的缩放方式，所以每个网络都在应用的测试图像上试过了；下面这些读得差不多好。请选择你的笔记本所建的那个。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/import_dialog.py" line="61"/>
        <source>Edit as Spec…</source>
        <translation>作为规格编辑…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/import_dialog.py" line="64"/>
        <source>Describe your own layers in the Architecture Editor; it says which layer the weights do not fit.</source>
        <translation>在架构编辑器中描述你自己的各层；它会指出权重与哪一层不符。</translation>
    </message>
</context>
<context>
    <name>InputSources</name>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="64"/>
        <source>The picture is too large for the memory left.</source>
        <translation>图片太大，剩余内存不足。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="67"/>
        <source>The picture is blank: no drawing found.</source>
        <translation>图片是空白的：没有找到笔迹。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="84"/>
        <source>Open Image</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="86"/>
        <source>Images ({0});;All files (*)</source>
        <translation>图片 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="120"/>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="131"/>
        <source>The image is too large ({0}×{1} pixels; the limit is {2} megapixels).</source>
        <translation>图片太大（{0}×{1} 像素；上限为 {2} 百万像素）。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="157"/>
        <source>The test split has no image of that class.</source>
        <translation>测试集中没有该类别的图像。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="184"/>
        <source>Test images not found</source>
        <translation>找不到测试图像</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="185"/>
        <source>The {0} test images are not on this computer yet.</source>
        <translation>这台电脑上还没有 {0} 的测试图像。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="187"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="188"/>
        <source>Choose Folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="201"/>
        <source>Folder of the {0} files</source>
        <translation>{0} 文件所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="208"/>
        <source>{0}: no {1} test files there (t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz])</source>
        <translation>{0}：这里没有 {1} 的测试文件（t10k-images-idx3-ubyte[.gz] 和 t10k-labels-idx1-ubyte[.gz]）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="222"/>
        <source>Downloading {0}…</source>
        <translation>正在下载 {0}…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/inputs.py" line="244"/>
        <source>Random Test Sample &amp;of</source>
        <translation>随机测试样本：指定类别(&amp;O)</translation>
    </message>
</context>
<context>
    <name>InputView</name>
    <message>
        <location filename="../../lenet_desktop/ui/views/input_view.py" line="84"/>
        <source>input · row {0}, column {1} = {2:.3f} (pixel, 0 = background, 1 = ink)</source>
        <translation>输入 · 第 {0} 行，第 {1} 列 = {2:.3f}（像素，0 = 背景，1 = 墨迹）</translation>
    </message>
</context>
<context>
    <name>KernelHistoryDialog</name>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/kernel_history.py" line="117"/>
        <source>Epochs {3} to {4} · one colour scale for all, {1} to {2} · mean change of a weight from epoch {3} to epoch {4}: {5}</source>
        <translation>第 {3} 到第 {4} 轮 · 所有轮次共用一个色标，从 {1} 到 {2} · 从第 {3} 轮到第 {4} 轮，每个权重的平均变化：{5}</translation>
    </message>
</context>
<context>
    <name>KernelsView</name>
    <message>
        <location filename="../../lenet_desktop/ui/views/kernels.py" line="36"/>
        <source>The learned kernels of each convolution: one row per output map, one column per input map. Hover a weight to read it; double-click a kernel to enlarge it (while stepping through a run&apos;s epochs: to see it at every epoch).</source>
        <translation>每个卷积层学到的卷积核：每行对应一张输出特征图，每列对应一张输入特征图。悬停可读取权重；双击卷积核可放大（逐轮查看训练时：可看到它在每一轮的样子）。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/kernels.py" line="53"/>
        <source>{0} · {1} output × {2} input maps · kernels {3}×{4}</source>
        <translation>{0} · {1} 个输出 × {2} 个输入通道 · 卷积核 {3}×{4}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/kernels.py" line="68"/>
        <source>{0} kernel · output map {1}, input map {2}</source>
        <translation>{0} 卷积核 · 输出特征图 {1}，输入特征图 {2}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/kernels.py" line="76"/>
        <source>{0} kernel · output map {1}, input map {2} · every epoch</source>
        <translation>{0} 卷积核 · 输出特征图 {1}，输入特征图 {2} · 每一轮</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/kernels.py" line="95"/>
        <source>{0} kernel · output map {1}, input map {2} · row {3}, column {4} = {5:.4f}</source>
        <translation>{0} 卷积核 · 输出通道 {1}，输入通道 {2} · 第 {3} 行，第 {4} 列 = {5:.4f}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="139"/>
        <source>LeNet Desktop</source>
        <translation>LeNet 桌面版</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="143"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="152"/>
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="153"/>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="147"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="141"/>
        <source>What the network sees ({0}):</source>
        <translation>网络看到的输入（{0}）：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="148"/>
        <source>System Language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="151"/>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="154"/>
        <source>Architecture Editor</source>
        <translation>架构编辑器</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="155"/>
        <source>LeNet-5 Output</source>
        <translation>LeNet-5 输出层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="163"/>
        <source>Loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="118"/>
        <source>The current model is still in use.</source>
        <translation>仍在使用当前模型。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/window_actions.py" line="174"/>
        <source>LeNet-5 has layers of its own, not plain nn layers: no code to show.</source>
        <translation>LeNet-5 有自己特有的层，不是普通的 nn 层：无法显示代码。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/window_actions.py" line="195"/>
        <source>Export Weights for a Notebook</source>
        <translation>导出权重到笔记本</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/window_actions.py" line="197"/>
        <source>PyTorch parameters (*.params *.pt *.pth);;safetensors (*.safetensors)</source>
        <translation>PyTorch 参数 (*.params *.pt *.pth);;safetensors (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/window_actions.py" line="210"/>
        <source>Wrote {0}</source>
        <translation>已写入 {0}</translation>
    </message>
</context>
<context>
    <name>MapDialog</name>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/map_dialog.py" line="61"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/map_dialog.py" line="63"/>
        <source>unit {0}</source>
        <translation>单元 {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/map_dialog.py" line="68"/>
        <source>one value per unit</source>
        <translation>每个单元一个值</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/map_dialog.py" line="68"/>
        <source>rows ↓ · columns →</source>
        <translation>行 ↓ · 列 →</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/map_dialog.py" line="70"/>
        <source>{0} · min {1:.4f} · max {2:.4f} · mean {3:.4f}</source>
        <translation>{0} · 最小 {1:.4f} · 最大 {2:.4f} · 平均 {3:.4f}</translation>
    </message>
</context>
<context>
    <name>ModelLoader</name>
    <message>
        <location filename="../../lenet_desktop/ui/sources/model_loader.py" line="243"/>
        <source>Could not open the model: {0}</source>
        <translation>无法打开模型：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/model_loader.py" line="255"/>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/model_loader.py" line="258"/>
        <source>LeNet Desktop models (*{0});;Notebook weights (*.params *.pt *.pth *.safetensors);;All files (*)</source>
        <translation>LeNet Desktop 模型 (*{0});;笔记本权重 (*.params *.pt *.pth *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/model_loader.py" line="289"/>
        <source>{0} · {1} (shipped)</source>
        <translation>{0} · {1}（内置）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/model_loader.py" line="296"/>
        <source>Recent Models</source>
        <translation>最近的模型</translation>
    </message>
</context>
<context>
    <name>NotebookDock</name>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="142"/>
        <source>Live from Your Notebook</source>
        <translation>实时跟随你的笔记本</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="143"/>
        <source>Keep a Copy…</source>
        <translation>保存一份副本…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="146"/>
        <source>Add one line before your training loop, then train as the book does:&lt;pre&gt;from lenet_desktop import live
live.watch(net)&lt;/pre&gt;The window then shows your network on your drawing as it learns.</source>
        <translation>在训练循环之前加一行代码，然后照书中的方式训练：&lt;pre&gt;from lenet_desktop import live
live.watch(net)&lt;/pre&gt;窗口就会在你的手写输入上显示你的网络，随着它的学习而变化。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="157"/>
        <source>Stop Following</source>
        <translation>停止跟随</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="157"/>
        <source>Follow Again</source>
        <translation>重新跟随</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="165"/>
        <source>The window cannot listen for notebooks: {0}</source>
        <translation>窗口无法接收笔记本发来的网络：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="170"/>
        <source>Waiting for your notebook…</source>
        <translation>正在等待你的笔记本…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="173"/>
        <source>Not following your notebook (Follow Again shows its newest network)</source>
        <translation>未跟随你的笔记本（点“重新跟随”显示它最新的网络）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="183"/>
        <source>The layers as your notebook&apos;s forward pass runs them</source>
        <translation>你的笔记本前向传播时依次执行的各层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="190"/>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="190"/>
        <source>evaluating</source>
        <translation>评估中</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="194"/>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="195"/>
        <source>{0:.1f} s ago</source>
        <translation>{0:.1f} 秒前</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="197"/>
        <source>{0:.0f} min ago</source>
        <translation>{0:.0f} 分钟前</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="206"/>
        <source>named by your notebook</source>
        <translation>由你的笔记本指定</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="207"/>
        <source>told from the pixels it was trained on</source>
        <translation>根据训练时输入的像素判断</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="208"/>
        <source>assumed: your notebook did not say</source>
        <translation>推定：你的笔记本没有说明</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="211"/>
        <source>Network: {0}</source>
        <translation>网络：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="212"/>
        <source>Dataset: {0} ({1})</source>
        <translation>数据集：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="215"/>
        <source>Input: pixels 0–1, as ToTensor() gives them</source>
        <translation>输入：像素值 0–1，与 ToTensor() 给出的一致</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="218"/>
        <source>Input: (pixel − {0:.4g}) / {1:.4g}</source>
        <translation>输入：（像素 − {0:.4g}）/ {1:.4g}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="221"/>
        <source>its final softmax is the app&apos;s (the same probabilities)</source>
        <translation>最后的 softmax 由本应用计算（概率相同）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="225"/>
        <source>its forward pass could not be traced: the layers are its modules in the order they were defined</source>
        <translation>无法追踪它的前向传播：各层按模块定义的顺序列出</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="237"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="265"/>
        <source>Keep a Copy of the Notebook&apos;s Network</source>
        <translation>保存笔记本中网络的副本</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="267"/>
        <source>Model files (*.safetensors)</source>
        <translation>模型文件 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/sources/notebook_live.py" line="279"/>
        <source>Kept: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="182"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="183"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="184"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="185"/>
        <source>Live view</source>
        <translation>实时查看</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="188"/>
        <source>if missing</source>
        <translation>缺失时下载</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="190"/>
        <source>Download the dataset with torchvision if the folder does not hold it</source>
        <translation>文件夹里没有数据集时，用 torchvision 下载</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="192"/>
        <source>after each epoch</source>
        <translation>每轮之后</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="195"/>
        <source>Show the newest weights in the main view after each epoch: watch the maps form</source>
        <translation>每轮训练后在主视图中使用最新的权重：看着特征图逐渐形成</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="198"/>
        <source>folder with the four IDX files</source>
        <translation>含四个 IDX 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="206"/>
        <source>{0} (your spec)</source>
        <translation>{0}（你的架构）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="317"/>
        <source>{0}, changed: {1}</source>
        <translation>{0}，已修改：{1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="336"/>
        <source>Choose the dataset folder, or tick Download.</source>
        <translation>请选择数据集文件夹，或勾选“下载”。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="338"/>
        <source>{0}: no such folder</source>
        <translation>{0}：文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/options_form.py" line="393"/>
        <source>Dataset folder</source>
        <translation>数据集文件夹</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="35"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="36"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="37"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="10"/>
        <source>Look in:</source>
        <translation>查找范围：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="11"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="12"/>
        <source>Files of type:</source>
        <translation>文件类型：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="13"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="14"/>
        <source>File &amp;name:</source>
        <translation>文件名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="15"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="16"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="17"/>
        <source>&amp;Choose</source>
        <translation>选择(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="18"/>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="19"/>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="20"/>
        <source>Parent Directory</source>
        <translation>上一级目录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="21"/>
        <source>Create New Folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="22"/>
        <source>List View</source>
        <translation>列表视图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="23"/>
        <source>Detail View</source>
        <translation>详细视图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="24"/>
        <source>All Files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="25"/>
        <source>Directory:</source>
        <translation>目录：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="26"/>
        <source>My Computer</source>
        <translation>我的计算机</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="34"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="27"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="28"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="29"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="30"/>
        <source>Date Modified</source>
        <translation>修改日期</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="31"/>
        <source>My Computer</source>
        <translation>我的计算机</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="32"/>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="33"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="38"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="39"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="40"/>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="41"/>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="42"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="43"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/qt_words.py" line="44"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RBFView</name>
    <message>
        <location filename="../../lenet_desktop/ui/views/rbf.py" line="141"/>
        <source>LeNet-5&apos;s output layer compares F6&apos;s 84 outputs, drawn as a 7×12 picture (left), with a fixed ±1 bitmap of each class: y = Σ (x − w)², the squared distance, is written under each. The nearest class is the answer (framed).</source>
        <translation>LeNet-5 的输出层把 F6 的 84 个输出（左边，画成 7×12 的图）与每个类别固定的 ±1 位图比较：每个位图下写着平方距离 y = Σ (x − w)²。距离最近的类别就是答案（带框）。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/rbf.py" line="146"/>
        <source>F6 (84 = 7×12)</source>
        <translation>F6（84 = 7×12）</translation>
    </message>
</context>
<context>
    <name>ReliabilityPlot</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/reliability.py" line="26"/>
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/reliability.py" line="27"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/reliability.py" line="58"/>
        <source>confidence {0:.2f}–{1:.2f}: {2} images, accuracy {3:.1f} %</source>
        <translation>置信度 {0:.2f}–{1:.2f}：{2} 张图像，准确率 {3:.1f} %</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/reliability.py" line="65"/>
        <source>Reliability: ECE {0:.2f} % at temperature {1:.3g}</source>
        <translation>可靠性图：温度 {1:.3g} 时 ECE 为 {0:.2f} %</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="97"/>
        <source>The run was cancelled after {0} of {1} epochs; nothing was kept.</source>
        <translation>训练在完成 {1} 轮中的 {0} 轮后被取消；没有保存任何结果。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="103"/>
        <source>The run failed: {0} Nothing was kept.</source>
        <translation>训练失败：{0} 没有保存任何结果。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="111"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="118"/>
        <source>No results yet: train a model.</source>
        <translation>还没有结果：请先训练一个模型。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="123"/>
        <source>No results yet: the run is going.</source>
        <translation>还没有结果：训练正在进行。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="156"/>
        <source>Test accuracy: {0:.2f} % ({1} wrong of {2})</source>
        <translation>测试准确率：{0:.2f} %（{2} 张中错 {1} 张）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="161"/>
        <source>Run “{0}” · {1} · confusion matrix: rows true, columns predicted</source>
        <translation>训练记录“{0}” · {1} · 混淆矩阵：行为真实类别，列为预测类别</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="167"/>
        <source>In use ✓</source>
        <translation>正在使用 ✓</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="169"/>
        <source>Use this model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="176"/>
        <source>trained {0} ({1})</source>
        <translation>新训练的 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="179"/>
        <source>The trained model is in use in the main view.</source>
        <translation>主视图现在使用训练好的模型。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="203"/>
        <source>Save Model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="205"/>
        <source>LeNet Desktop models (*{0})</source>
        <translation>LeNet 桌面版模型 (*{0})</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/results.py" line="222"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>RunPlanner</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/planning.py" line="39"/>
        <source>{0} recipe for {1} ({2}): {3} lr {4:g}, {5} epochs, batch {6}.</source>
        <translation>{1}（{2}）的{0}方案：{3}，学习率 {4:g}，{5} 轮，批量 {6}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/planning.py" line="59"/>
        <source>Options changed as suggested: press Train to try again.</source>
        <translation>已按建议修改选项：请按“训练”再试一次。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/planning.py" line="76"/>
        <source>Set up: {0} on {1} with the {2} recipe. Press Train.</source>
        <translation>已设置：{0}，数据集 {1}，{2}方案。请按“训练”。</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/status.py" line="95"/>
        <source>epoch {0}/{1} · %p% · ETA {2}</source>
        <translation>第 {0}/{1} 轮 · %p% · 剩余 {2}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/status.py" line="98"/>
        <source>epoch {0}/{1} · ETA {2} · {3:,.0f} samples/s</source>
        <translation>第 {0}/{1} 轮 · 剩余 {2} · 每秒 {3:,.0f} 个样本</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/status.py" line="104"/>
        <source>epoch {0}: loss {1:.4f}, training {2:.2f} %, test {3:.2f} %</source>
        <translation>第 {0} 轮：损失 {1:.4f}，训练集 {2:.2f} %，测试集 {3:.2f} %</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="110"/>
        <source>Run (double-click to rename)</source>
        <translation>训练记录（双击可重命名）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="110"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="110"/>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="111"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="111"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="111"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="115"/>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="116"/>
        <source>Delete Ticked</source>
        <translation>删除勾选的记录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="117"/>
        <source>Export Table (CSV)…</source>
        <translation>导出表格（CSV）…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="41"/>
        <source>at chance</source>
        <translation>停在随机水平</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="42"/>
        <source>overfits</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="43"/>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="111"/>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="112"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="114"/>
        <source>Compare Ticked…</source>
        <translation>比较勾选的记录…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="120"/>
        <source>Every finished run, named by what it changed. Tick runs and press Compare to see their curves, confusion matrices and C1 kernels side by side.</source>
        <translation>每次完成的训练都在这里，以它改动了什么来命名。勾选几条记录并点“比较”，即可并排查看它们的曲线、混淆矩阵和 C1 卷积核。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="154"/>
        <source>Quick</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="154"/>
        <source>Book</source>
        <translation>书中设置</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="168"/>
        <source>{0} (damaged)</source>
        <translation>{0}（已损坏）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="263"/>
        <source>Delete Runs</source>
        <translation>删除训练记录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="264"/>
        <source>Delete {0} ticked run(s) and their models?</source>
        <translation>删除勾选的 {0} 条训练记录及其模型？</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/runs_view.py" line="283"/>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
</context>
<context>
    <name>SandboxDialog</name>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="108"/>
        <source>Convolution Sandbox</source>
        <translation>卷积沙盒</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="109"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="110"/>
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="111"/>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="112"/>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="114"/>
        <source>Rows on separate lines or separated by ;, numbers by spaces. Input channels separated by |; a kernel&apos;s output channels by /. Up to 32×32. Click a cell of the input to paint it (0 ↔ 1).</source>
        <translation>每行一行，或用 ; 分隔，数字之间用空格。输入通道用 | 分隔；卷积核的输出通道用 / 分隔。最大 32×32。点击输入的格子可以涂改（0 ↔ 1）。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="174"/>
        <source>Cannot compute: {0}</source>
        <translation>无法计算：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="206"/>
        <source>input channel {0}</source>
        <translation>输入通道 {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="213"/>
        <source>kernel {0}, channel {1}</source>
        <translation>卷积核 {0}，通道 {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="216"/>
        <source>output channel {0}</source>
        <translation>输出通道 {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="222"/>
        <source>Output size {2}: height {0}, width {1}</source>
        <translation>输出尺寸 {2}：高 {0}，宽 {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="226"/>
        <source>Output channel {0}, row {1}, column {2} (hover another value):</source>
        <translation>输出通道 {0}，第 {1} 行，第 {2} 列（把鼠标移到其他值上查看）：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/sandbox.py" line="230"/>
        <source>products, channel {0}</source>
        <translation>乘积，通道 {0}</translation>
    </message>
</context>
<context>
    <name>SpecEditor</name>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="174"/>
        <source>Start from:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="183"/>
        <source>Add Layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="184"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="185"/>
        <source>Move the selected layer up</source>
        <translation>把选中的层上移</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="186"/>
        <source>Move the selected layer down</source>
        <translation>把选中的层下移</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="187"/>
        <source>Open Spec…</source>
        <translation>打开架构文件…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="188"/>
        <source>Save Spec…</source>
        <translation>保存架构文件…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="189"/>
        <source>Show PyTorch Code</source>
        <translation>显示 PyTorch 代码</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="190"/>
        <source>Open with These Weights</source>
        <translation>用这些权重打开</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="191"/>
        <source>Train This</source>
        <translation>训练此网络</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="193"/>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="193"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="367"/>
        <source>Every layer fits: {0} layers, input {2} → {1} classes.</source>
        <translation>每一层都成立：共 {0} 层，输入 {2} → {1} 个类别。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_notebook.py" line="48"/>
        <source>The weights of {0} fit this network.</source>
        <translation>{0} 的权重与这个网络相符。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_notebook.py" line="57"/>
        <source>The weights of {0} do not fit: {1}</source>
        <translation>{0} 的权重不相符：{1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="433"/>
        <source>Cannot be saved: {0}</source>
        <translation>无法保存：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="193"/>
        <source>output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="193"/>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="195"/>
        <source>size formula</source>
        <translation>尺寸公式</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="363"/>
        <source>Add a layer to start.</source>
        <translation>先添加一层。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="372"/>
        <source>{0:,} parameters</source>
        <translation>{0:,} 个参数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="396"/>
        <source>Open Spec</source>
        <translation>打开架构文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="396"/>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="406"/>
        <source>Architecture specs (*.toml)</source>
        <translation>架构文件 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/spec_editor.py" line="404"/>
        <source>Save Spec</source>
        <translation>保存架构文件</translation>
    </message>
</context>
<context>
    <name>StatusBarView</name>
    <message>
        <location filename="../../lenet_desktop/ui/views/status_bar.py" line="38"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/status_bar.py" line="59"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/status_bar.py" line="62"/>
        <source>Model: {0} · {1} · {2}</source>
        <translation>模型：{0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/status_bar.py" line="68"/>
        <source>Runs on {0}</source>
        <translation>运行于 {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/status_bar.py" line="74"/>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/status_bar.py" line="92"/>
        <source>{0} · unit {1}</source>
        <translation>{0} · 第 {1} 个单元</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/views/status_bar.py" line="95"/>
        <source>{0} · map {1} · row {2}, column {3}</source>
        <translation>{0} · 通道 {1} · 第 {2} 行，第 {3} 列</translation>
    </message>
</context>
<context>
    <name>TimeEstimate</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/time_estimate.py" line="65"/>
        <source>Estimating the time…</source>
        <translation>正在估算用时…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/time_estimate.py" line="101"/>
        <source>Estimated time: {0} ({1:,} images × 1 epoch on {3})</source>
        <translation>预计用时：{0}（{1:,} 张图像 × 1 轮，设备 {3}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/time_estimate.py" line="103"/>
        <source>Estimated time: {0} ({1:,} images × {2} epochs on {3})</source>
        <translation>预计用时：{0}（{1:,} 张图像 × {2} 轮，设备 {3}）</translation>
    </message>
</context>
<context>
    <name>TrainingJob</name>
    <message>
        <location filename="../../lenet_desktop/training/job.py" line="67"/>
        <source>Downloading {title}…</source>
        <translation>正在下载 {title}…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/job.py" line="86"/>
        <source>Reading {title} from {folder}</source>
        <translation>正在从 {folder} 读取 {title}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/job.py" line="92"/>
        <source>{train} training and {test} test images</source>
        <translation>{train} 张训练图像，{test} 张测试图像</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="125"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="127"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="127"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="127"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="127"/>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="174"/>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="175"/>
        <source>Training {0} on {1}…</source>
        <translation>正在用 {1} 训练 {0}…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="207"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="247"/>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="248"/>
        <source>A training is running. Stop it and close the window?</source>
        <translation>训练正在进行。要停止训练并关闭窗口吗？</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="290"/>
        <source>Live view paused for this run: you chose another model.</source>
        <translation>本次训练的实时视图已暂停：你选择了另一个模型。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="325"/>
        <source>Done: {0:.2f} % of {1} test images right in {2:.0f} s.</source>
        <translation>完成：{1} 张测试图片中 {0:.2f} % 分类正确，用时 {2:.0f} 秒。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="331"/>
        <source>Kept as run “{0}” (Runs tab).</source>
        <translation>已保存为训练记录“{0}”（见“训练记录”页）。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="334"/>
        <source>The run was not kept: {0}</source>
        <translation>这次运行没有保存：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="336"/>
        <source>Its epochs were not kept: {0}</source>
        <translation>各轮的权重没有保存：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="316"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="307"/>
        <source>Training cancelled after {0} of {1} epochs ({2:.1f} s of training); it stopped {3:.2f} s after Cancel was pressed. Nothing was kept.</source>
        <translation>训练在完成 {1} 轮中的 {0} 轮后被取消（训练了 {2:.1f} 秒）；按下“取消”后 {3:.2f} 秒停止。什么也没有保留。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="311"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="314"/>
        <source>Training failed: {0}</source>
        <translation>训练失败：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training/panel.py" line="128"/>
        <source>Exercises</source>
        <translation>练习</translation>
    </message>
</context>
<context>
    <name>_Strip</name>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/kernel_history.py" line="65"/>
        <source>epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/widgets/kernel_history.py" line="89"/>
        <source>epoch {0} · row {1}, column {2} = {3}</source>
        <translation>第 {0} 轮 · 第 {1} 行，第 {2} 列 = {3}</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <location filename="../../lenet_desktop/ui/tools/about.py" line="25"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/about.py" line="35"/>
        <source>About LeNet Desktop</source>
        <translation>关于 LeNet 桌面版</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/about.py" line="36"/>
        <source>&lt;h3&gt;LeNet Desktop {0}&lt;/h3&gt;&lt;p&gt;Draw a digit or a garment and see what LeNet sees.&lt;/p&gt;&lt;p&gt;PyTorch {1} · torchvision {2} · Qt {3} (PySide6) · NumPy {4} · Python {5}&lt;/p&gt;&lt;p&gt;Device: {6}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LeNet 桌面版 {0}&lt;/h3&gt;&lt;p&gt;画一个数字或一件服饰，看看 LeNet 看到了什么。&lt;/p&gt;&lt;p&gt;PyTorch {1} · torchvision {2} · Qt {3} (PySide6) · NumPy {4} · Python {5}&lt;/p&gt;&lt;p&gt;设备：{6}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="21"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="22"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="23"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="24"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="25"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="48"/>
        <source>&amp;Open Image…</source>
        <translation>打开图片(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="55"/>
        <source>&amp;Paste Image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="62"/>
        <source>&amp;Random Test Sample</source>
        <translation>随机测试样本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="69"/>
        <source>Open &amp;Model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="76"/>
        <source>Export Weights for a &amp;Notebook…</source>
        <translation>导出权重到笔记本(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="84"/>
        <source>&amp;Export View…</source>
        <translation>导出视图(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="92"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="98"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="103"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="110"/>
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="117"/>
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="125"/>
        <source>&amp;Fill</source>
        <translation>填充(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="133"/>
        <source>Thicker Brush</source>
        <translation>加粗笔刷</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="140"/>
        <source>Thinner Brush</source>
        <translation>减细笔刷</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="147"/>
        <source>&amp;Pin This Input for Comparison</source>
        <translation>固定此输入以便比较(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="154"/>
        <source>Feature Maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="159"/>
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="166"/>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="173"/>
        <source>Show &amp;Which Pixels Decided</source>
        <translation>显示起决定作用的像素(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="182"/>
        <source>Which Pixels Decided by &amp;Grad-CAM</source>
        <translation>用 Grad-CAM 找起决定作用的像素(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="190"/>
        <source>Convolution &amp;Sandbox…</source>
        <translation>卷积沙盒(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="197"/>
        <source>&amp;Training…</source>
        <translation>训练(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="205"/>
        <source>Live from Your &amp;Notebook</source>
        <translation>实时跟随你的笔记本(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="212"/>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="219"/>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/actions.py" line="228"/>
        <source>&amp;About LeNet Desktop</source>
        <translation>关于 LeNet 桌面版(&amp;A)</translation>
    </message>
</context>
<context>
    <name>architectures</name>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="22"/>
        <source>Modern LeNet (batch norm, ReLU, max pooling)</source>
        <translation>现代 LeNet（批量规范化、ReLU、最大汇聚）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="23"/>
        <source>D2L LeNet (sigmoid, average pooling)</source>
        <translation>D2L LeNet（sigmoid、平均汇聚）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="24"/>
        <source>LeNet-5 (LeCun et al. 1998)</source>
        <translation>LeNet-5（LeCun 等，1998）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="25"/>
        <source>Notes variant: C3 padded by 1, one hidden fully connected layer</source>
        <translation>笔记变体：C3 填充 1，一个隐藏全连接层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="28"/>
        <source>Notes variant: max pooling, no padding (16×4×4 flattened)</source>
        <translation>笔记变体：最大汇聚，不填充（展平为 16×4×4）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="31"/>
        <source>D2L exercise: max pooling instead of average pooling</source>
        <translation>D2L 练习：用最大汇聚替换平均汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="34"/>
        <source>D2L exercise: ReLU instead of sigmoid</source>
        <translation>D2L 练习：用 ReLU 替换 sigmoid</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="35"/>
        <source>D2L exercise: 3×3 convolution windows</source>
        <translation>D2L 练习：3×3 卷积窗口</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="36"/>
        <source>D2L exercise: more output channels (16 and 32)</source>
        <translation>D2L 练习：更多输出通道（16 和 32）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="39"/>
        <source>D2L exercise: a third convolution layer</source>
        <translation>D2L 练习：增加第三个卷积层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/names.py" line="40"/>
        <source>D2L exercise: one hidden fully connected layer fewer</source>
        <translation>D2L 练习：少一个隐藏全连接层</translation>
    </message>
</context>
<context>
    <name>attribution</name>
    <message>
        <location filename="../../lenet_desktop/analysis/attribution.py" line="34"/>
        <source>Gradient saliency</source>
        <translation>梯度显著图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/attribution.py" line="35"/>
        <source>Grad-CAM (last convolution)</source>
        <translation>Grad-CAM（最后一个卷积层）</translation>
    </message>
</context>
<context>
    <name>classes</name>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="141"/>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="142"/>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="143"/>
        <source>Pullover</source>
        <translation>套衫</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="144"/>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="145"/>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="146"/>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="147"/>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="148"/>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="149"/>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="150"/>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
</context>
<context>
    <name>diagnosis</name>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="105"/>
        <source>The loss became {value} at epoch {epoch}, step {step}, at the learning rate {lr}: ReLU networks want a smaller rate — try {suggested}.</source>
        <translation>在第 {epoch} 轮第 {step} 步，损失变成了 {value}（学习率 {lr}）：ReLU 网络需要更小的学习率——试试 {suggested}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="111"/>
        <source>The loss became {value} at epoch {epoch}, step {step}, at the learning rate {lr}: the rate is too high for this network — try {suggested}.</source>
        <translation>在第 {epoch} 轮第 {step} 步，损失变成了 {value}（学习率 {lr}）：这个学习率对该网络太高了——试试 {suggested}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="122"/>
        <source>The network stopped learning at the learning rate {lr}: after epoch {epoch} the loss has not fallen and the test accuracy is at chance ({accuracy} %, chance {chance} %) — its ReLU units no longer respond. ReLU networks want a smaller rate — try {suggested}.</source>
        <translation>网络在学习率 {lr} 下停止了学习：第 {epoch} 轮后损失没有下降，测试准确率停在随机水平（{accuracy} %，随机猜测为 {chance} %）——它的 ReLU 单元已不再响应。ReLU 网络需要更小的学习率——试试 {suggested}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="137"/>
        <source>The run diverged at the learning rate {lr}: the loss rose from {start} to {peak} and the network stopped learning (test accuracy {accuracy} %, chance {chance} %). ReLU networks want a smaller rate — try {suggested}.</source>
        <translation>训练在学习率 {lr} 下发散了：损失从 {start} 升到 {peak}，网络停止了学习（测试准确率 {accuracy} %，随机猜测为 {chance} %）。ReLU 网络需要更小的学习率——试试 {suggested}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="144"/>
        <source>The run diverged at the learning rate {lr}: the loss rose from {start} to {peak} and the network stopped learning (test accuracy {accuracy} %, chance {chance} %). The rate is too high for this network — try {suggested}.</source>
        <translation>训练在学习率 {lr} 下发散了：损失从 {start} 升到 {peak}，网络停止了学习（测试准确率 {accuracy} %，随机猜测为 {chance} %）。这个学习率对该网络太高了——试试 {suggested}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="156"/>
        <source>Use learning rate {suggested}</source>
        <translation>改用学习率 {suggested}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="192"/>
        <source>Still at chance after {epochs} epoch(s) (test accuracy {accuracy} %, chance {chance} %): sigmoid networks learn slowly at first. The book trains 10 epochs of 60,000 images; train 10 epochs, or use the Quick recipe.</source>
        <translation>训练 {epochs} 轮后仍停在随机水平（测试准确率 {accuracy} %，随机猜测为 {chance} %）：sigmoid 网络一开始学得很慢。书中用 60,000 张图像训练 10 轮；请训练 10 轮，或改用“快速”配方。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="199"/>
        <source>Still at chance after {epochs} epoch(s) (test accuracy {accuracy} %, chance {chance} %): the learning rate {lr} does not suit this network; the Quick recipe&apos;s does.</source>
        <translation>训练 {epochs} 轮后仍停在随机水平（测试准确率 {accuracy} %，随机猜测为 {chance} %）：学习率 {lr} 不适合这个网络；“快速”配方的学习率适合。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="210"/>
        <source>Use the Quick recipe</source>
        <translation>改用“快速”配方</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="225"/>
        <source>The network fits its training images far better than the test images ({train} % against {test} %): it memorises them. Train fewer epochs, or with more weight decay.</source>
        <translation>网络在训练图像上的表现远好于测试图像（{train} % 对 {test} %）：它在死记训练图像。请少训练几轮，或加大权重衰减。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="232"/>
        <source>Train half the epochs, more weight decay</source>
        <translation>轮数减半，加大权重衰减</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="234"/>
        <source>The network fits its training images far better than the test images ({train} % against {test} %): it memorises them. Train on every image, with augmentation.</source>
        <translation>网络在训练图像上的表现远好于测试图像（{train} % 对 {test} %）：它在死记训练图像。请用全部图像并开启数据增强来训练。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/diagnosis.py" line="240"/>
        <source>Use every image, with augmentation</source>
        <translation>用全部图像并开启数据增强</translation>
    </message>
</context>
<context>
    <name>durations</name>
    <message>
        <location filename="../../lenet_desktop/training/estimate.py" line="102"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/estimate.py" line="104"/>
        <location filename="../../lenet_desktop/training/estimate.py" line="106"/>
        <source>about {s} s</source>
        <translation>约 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/estimate.py" line="109"/>
        <source>about {m} min</source>
        <translation>约 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/estimate.py" line="110"/>
        <source>about {h} h {m} min</source>
        <translation>约 {h} 小时 {m} 分钟</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="184"/>
        <source>unknown dataset {name!r} (known: {known})</source>
        <translation>未知的数据集 {name!r}（已知：{known}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="246"/>
        <source>{path}: missing — a {title} folder needs the four files train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (optionally .gz)</source>
        <translation>{path}：缺失 —— {title} 文件夹需要四个文件 train-images-idx3-ubyte、train-labels-idx1-ubyte、t10k-images-idx3-ubyte 和 t10k-labels-idx1-ubyte（可以是 .gz）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="276"/>
        <source>{path}: the gzip file is truncated or damaged ({detail})</source>
        <translation>{path}：gzip 文件不完整或已损坏（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="282"/>
        <location filename="../../lenet_desktop/files/model_files.py" line="292"/>
        <location filename="../../lenet_desktop/files/notebook.py" line="94"/>
        <source>{path}: cannot be read ({detail})</source>
        <translation>{path}：无法读取（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="288"/>
        <source>{path}: too short to be an IDX file ({size} bytes)</source>
        <translation>{path}：太短，不是 IDX 文件（{size} 字节）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="295"/>
        <source>{path}: not an IDX {kind} file (magic number {found}, expected {magic})</source>
        <translation>{path}：不是 IDX {kind} 文件（魔数 {found}，应为 {magic}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="309"/>
        <source>{path}: the file is truncated or too long ({size} bytes of data, expected {expected} for {shape})</source>
        <translation>{path}：文件不完整或过长（数据 {size} 字节，{shape} 应为 {expected} 字节）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="334"/>
        <source>{path}: no such folder</source>
        <translation>{path}：没有这个文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="342"/>
        <source>{path}: images are {shape}, expected {side}×{side}</source>
        <translation>{path}：图像是 {shape}，应为 {side}×{side}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="349"/>
        <source>{path}: {labels} labels for {images} images in {name}</source>
        <translation>{path}：{labels} 个标签，但 {name} 中有 {images} 张图像</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="357"/>
        <source>{path}: label {label} is out of range for {count} classes</source>
        <translation>{path}：标签 {label} 超出了 {count} 个类别的范围</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/download.py" line="38"/>
        <source>{title} cannot be downloaded: choose a folder of its files</source>
        <translation>无法下载 {title}：请选择存放其文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/download.py" line="48"/>
        <source>{title} cannot be downloaded here: torchvision is not installed (or does not match this PyTorch). Install it with “pip install torchvision”, or download the four files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) and choose their folder.</source>
        <translation>这里无法下载 {title}：没有安装 torchvision（或与当前 PyTorch 不匹配）。请用“pip install torchvision”安装，或者下载四个文件（train-images-idx3-ubyte.gz、train-labels-idx1-ubyte.gz、t10k-images-idx3-ubyte.gz、t10k-labels-idx1-ubyte.gz）后选择它们所在的文件夹。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/download.py" line="65"/>
        <source>the download of {title} was cancelled</source>
        <translation>{title} 的下载已取消</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/download.py" line="74"/>
        <source>could not download {title} into {root}: {detail}. Check the network connection, or choose a folder holding the four IDX files.</source>
        <translation>无法把 {title} 下载到 {root}：{detail}。请检查网络连接，或选择存放四个 IDX 文件的文件夹。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="439"/>
        <source>no {title} test files found; looked in {places} ({reason})</source>
        <translation>找不到 {title} 的测试文件；查找过：{places}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="447"/>
        <source>no {title} test files found; looked in {places}</source>
        <translation>找不到 {title} 的测试文件；查找过：{places}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="88"/>
        <source>{path}: no shipped model is installed</source>
        <translation>{path}：没有安装内置模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="104"/>
        <location filename="../../lenet_desktop/files/notebook.py" line="99"/>
        <source>{path}: is not a file</source>
        <translation>{path}：不是文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="107"/>
        <source>{name}: no such model (shipped models: {names}) and no such file</source>
        <translation>{name}：没有这个模型（内置模型：{names}），也没有这个文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/pictures.py" line="71"/>
        <source>{path}: image is too large ({width}×{height} pixels; the limit is {limit} megapixels)</source>
        <translation>{path}：图像太大（{width}×{height} 像素；上限为 {limit} 百万像素）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/pictures.py" line="104"/>
        <location filename="../../lenet_desktop/files/model_files.py" line="113"/>
        <source>{path}: no such file</source>
        <translation>{path}：没有这个文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/pictures.py" line="109"/>
        <source>{path}: is a folder, not an image</source>
        <translation>{path}：是文件夹，不是图像</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/pictures.py" line="92"/>
        <source>{path}: image is too large to open safely</source>
        <translation>{path}：图像太大，无法安全打开</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/pictures.py" line="27"/>
        <source>{path}: not a regular file (a pipe, a device or a socket), not an image</source>
        <translation>{path}：不是普通文件（而是管道、设备或套接字），不是图片</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/pictures.py" line="96"/>
        <source>{path}: not an image file LeNet Desktop can read</source>
        <translation>{path}：不是 LeNet Desktop 能读取的图像文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/pictures.py" line="115"/>
        <source>{path}: the image is damaged or truncated ({detail})</source>
        <translation>{path}：图像已损坏或不完整（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/preprocessing.py" line="138"/>
        <source>cannot read pixels of type {kind}</source>
        <translation>无法读取类型为 {kind} 的像素</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/preprocessing.py" line="153"/>
        <source>an image must be (H, W) or (H, W, C) with C in 1–4 channels, not shape {shape}</source>
        <translation>图像的形状必须是 (H, W) 或 (H, W, C)，C 为 1–4 个通道，而不是 {shape}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="121"/>
        <source>{path}: this is a PyTorch .pt/.pth archive (pickle); it is not opened because unpickling can run code. Convert it to safetensors first</source>
        <translation>{path}：这是 PyTorch 的 .pt/.pth 存档（pickle）；不会打开它，因为反序列化 pickle 可能执行代码。请先转换为 safetensors</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="130"/>
        <source>{path}: this is a Python pickle; it is not opened because unpickling can run code</source>
        <translation>{path}：这是 Python pickle；不会打开它，因为反序列化 pickle 可能执行代码</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="141"/>
        <source>{path}: not a model file (only {size} bytes)</source>
        <translation>{path}：不是模型文件（只有 {size} 字节）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="148"/>
        <source>{path}: the file is truncated or not a safetensors model file</source>
        <translation>{path}：文件不完整，或不是 safetensors 模型文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="159"/>
        <source>{path}: not a safetensors model file (unreadable header)</source>
        <translation>{path}：不是 safetensors 模型文件（文件头无法读取）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="167"/>
        <source>{path}: damaged metadata ({detail})</source>
        <translation>{path}：元数据已损坏（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="175"/>
        <source>{path}: a safetensors file, but not a LeNet Desktop model (its metadata names no architecture)</source>
        <translation>{path}：是 safetensors 文件，但不是 LeNet 桌面版模型（元数据中没有网络结构）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="189"/>
        <location filename="../../lenet_desktop/files/model_files.py" line="333"/>
        <source>{path}: its architecture spec is broken: {detail}</source>
        <translation>{path}：其中的网络结构描述有误：{detail}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="195"/>
        <source>{path}: unknown architecture {name!r} (known: {known})</source>
        <translation>{path}：未知的网络结构 {name!r}（已知：{known}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="224"/>
        <source>{path}: unknown preprocessing convention {name!r}</source>
        <translation>{path}：未知的预处理方式 {name!r}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="258"/>
        <source>{path}: its tensors do not fit the {name!r} architecture with {count} classes: {problems}</source>
        <translation>{path}：其中的张量与 {count} 个类别的 {name!r} 网络结构不符：{problems}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="271"/>
        <source>{path}: the weights contain NaN or infinite values ({name})</source>
        <translation>{path}：权重中有 NaN 或无穷大（{name}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="285"/>
        <source>{path}: too large for a LeNet model ({size} bytes)</source>
        <translation>{path}：对 LeNet 模型来说太大了（{size} 字节）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="322"/>
        <source>{path}: the tensor data is damaged ({detail})</source>
        <translation>{path}：张量数据已损坏（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="423"/>
        <source>{path}: not saved, the weights contain NaN or infinite values ({name})</source>
        <translation>{path}：未保存，权重中有 NaN 或无穷大（{name}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="439"/>
        <source>{path}: cannot write here ({detail})</source>
        <translation>{path}：无法写入此处（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/model_files.py" line="437"/>
        <source>{path}: could not be saved ({detail})</source>
        <translation>{path}：无法保存（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/session.py" line="150"/>
        <source>{kind}: {detail}</source>
        <translation>{kind}：{detail}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/runs.py" line="117"/>
        <source>{path}: not a readable run ({detail})</source>
        <translation>{path}：不是可读取的训练记录（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/runs.py" line="136"/>
        <source>{name}: not a run of {root}</source>
        <translation>{name}：不是 {root} 中的运行</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/runs.py" line="186"/>
        <location filename="../../lenet_desktop/training/runs.py" line="253"/>
        <source>{path}: the run cannot be kept here ({detail})</source>
        <translation>{path}：无法在此保存训练记录（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/runs.py" line="271"/>
        <source>{name}: this run kept no epochs</source>
        <translation>{name}：这次训练没有保存各轮的权重</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/runs.py" line="275"/>
        <source>{name}: no epoch {epoch} (epochs 0 to {last} are kept)</source>
        <translation>{name}：没有第 {epoch} 轮（保存了第 0 到第 {last} 轮）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/runs.py" line="288"/>
        <source>a run needs a name</source>
        <translation>训练记录需要一个名称</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/runs.py" line="295"/>
        <source>{path}: cannot be renamed ({detail})</source>
        <translation>{path}：无法重命名（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/runs.py" line="305"/>
        <source>{path}: no such run</source>
        <translation>{path}：没有这条训练记录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/runs.py" line="310"/>
        <source>{path}: cannot be deleted ({detail})</source>
        <translation>{path}：无法删除（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/nn/models.py" line="219"/>
        <source>unknown architecture {name!r} (known: {known})</source>
        <translation>未知的网络结构 {name!r}（已知：{known}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="72"/>
        <source>layer {number}: a layer is a table of keys, not {got!r}</source>
        <translation>第 {number} 层：一层应是一个键值表，而不是 {got!r}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="81"/>
        <source>layer {number}: unknown type {got!r} (known: {known})</source>
        <translation>第 {number} 层：未知的类型 {got!r}（已知：{known}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="91"/>
        <source>layer {number} ({type}): unknown key {key!r} (a {type} takes: {keys})</source>
        <translation>第 {number} 层（{type}）：未知的键 {key!r}（{type} 可用的键：{keys}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="104"/>
        <source>layer {number} ({type}): {key} is missing</source>
        <translation>第 {number} 层（{type}）：缺少 {key}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="121"/>
        <source>layer {number} ({type}): {key} must be a number from {smallest:g} up to (not including) {largest:g}, not {value!r}</source>
        <translation>第 {number} 层（{type}）：{key} 必须是从 {smallest:g} 到 {largest:g}（不含）之间的数，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="139"/>
        <source>layer {number} ({type}): {key} must be a whole number of at least {smallest}, not {value!r}</source>
        <translation>第 {number} 层（{type}）：{key} 必须是不小于 {smallest} 的整数，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="153"/>
        <source>layer {number} ({type}): {key} = {value} is too large (at most {limit})</source>
        <translation>第 {number} 层（{type}）：{key} = {value} 太大（最多 {limit}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="183"/>
        <source>a spec is a table with name, title and layers</source>
        <translation>结构描述应是一个包含 name、title 和 layers 的表</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="188"/>
        <source>unknown key {key!r} (a spec takes: {keys})</source>
        <translation>未知的键 {key!r}（结构描述可用的键：{keys}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="195"/>
        <source>{key} must be text, not {value!r}</source>
        <translation>{key} 必须是文本，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="202"/>
        <source>name {value!r} is not a plain name: use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; (at most 80; the title may be any text)</source>
        <translation>名称 {value!r} 不是普通名称：请只用字母、数字、“-”、“_”和“.”（最多 80 个；标题可以是任意文字）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="210"/>
        <source>the title is longer than 200 characters</source>
        <translation>标题超过 200 个字符</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="214"/>
        <source>a spec needs its layers: one [[layers]] table per layer, in order</source>
        <translation>结构描述需要它的各层：每层一个 [[layers]] 表，按顺序排列</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="220"/>
        <source>{count} layers are too many (at most {limit})</source>
        <translation>{count} 层太多了（最多 {limit} 层）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="237"/>
        <source>not valid TOML ({detail})</source>
        <translation>不是有效的 TOML（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="247"/>
        <source>is a folder, not a spec file</source>
        <translation>是文件夹，不是结构描述文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="251"/>
        <source>too large for an architecture spec ({size} bytes)</source>
        <translation>作为结构描述文件太大（{size} 字节）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="258"/>
        <source>cannot be read ({detail})</source>
        <translation>无法读取（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="268"/>
        <source>not a text file; an architecture spec is TOML text ([[layers]] …)</source>
        <translation>不是文本文件；网络结构描述是 TOML 文本（[[layers]] …）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/document.py" line="311"/>
        <source>not valid JSON ({detail})</source>
        <translation>不是有效的 JSON（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/planning.py" line="82"/>
        <source>layer {number} ({name}, {type}) needs feature maps (channels×height×width), but its input is a vector of {size} (after flatten only linear layers and activations fit)</source>
        <translation>第 {number} 层（{name}，{type}）需要特征图（通道×高×宽），但它的输入是长度为 {size} 的向量（展平之后只能接全连接层和激活函数）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/planning.py" line="99"/>
        <source>layer {number} ({name}, {type}): the {k}×{k} kernel is larger than its padded input ({n} + 2×{p} = {padded}); output size {formula} = {worked}, not a positive size</source>
        <translation>第 {number} 层（{name}，{type}）：{k}×{k} 的核比填充后的输入还大（{n} + 2×{p} = {padded}）；输出尺寸 {formula} = {worked}，不是正数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/planning.py" line="116"/>
        <source>layer {number} ({name}, {type}): padding {p} is more than half the {k}×{k} window (a pooling window must cover some of the input)</source>
        <translation>第 {number} 层（{name}，{type}）：填充 {p} 超过了 {k}×{k} 窗口的一半（汇聚窗口必须覆盖部分输入）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/planning.py" line="134"/>
        <source>layer {number} ({name}, {type}) takes a vector, but its input is {shape} feature maps: put a flatten layer before it</source>
        <translation>第 {number} 层（{name}，{type}）需要向量输入，但它的输入是 {shape} 的特征图：请在它前面加一个 flatten 层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/planning.py" line="148"/>
        <source>layer {number} ({name}, {type}): its output {shape} holds {size} values per image, too many (at most {limit})</source>
        <translation>第 {number} 层（{name}，{type}）：输出 {shape} 每张图有 {size} 个值，太多（最多 {limit}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/planning.py" line="162"/>
        <source>layer {number} ({name}, {type}): {total} parameters so far ({params} in this layer), too many (at most {limit})</source>
        <translation>第 {number} 层（{name}，{type}）：到此共 {total} 个参数（本层 {params} 个），太多（最多 {limit}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/planning.py" line="189"/>
        <source>layer {number} ({name}, {type}): the last layer must be a linear layer with as many features as the dataset has classes ({classes}); it has {has}</source>
        <translation>第 {number} 层（{name}，{type}）：最后一层必须是全连接层，输出个数等于数据集的类别数（{classes}）；它有 {has}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/planning.py" line="258"/>
        <source>training this network at batch size {batch} needs about {need:,} MB of memory (at most {budget:,} MB here, a quarter of this machine&apos;s); layer {number} ({name}, {type}) alone holds {layer:,} MB: use fewer channels or a smaller batch</source>
        <translation>以批量大小 {batch} 训练这个网络约需 {need:,} MB 内存（本机最多 {budget:,} MB，即内存的四分之一）；仅第 {number} 层（{name}，{type}）就占 {layer:,} MB：请减少通道数或减小批量</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/presets.py" line="117"/>
        <source>{name}: no such architecture (presets: {known}) and no such spec file</source>
        <translation>{name}：没有这个网络结构（预设：{known}），也没有这个结构描述文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="42"/>
        <source>an empty matrix</source>
        <translation>矩阵是空的</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="51"/>
        <source>{token!r} is not a number (write rows as 1 2 3; 4 5 6 or [[1, 2, 3], [4, 5, 6]])</source>
        <translation>{token!r} 不是数字（按行写成 1 2 3; 4 5 6 或 [[1, 2, 3], [4, 5, 6]]）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="60"/>
        <source>every row must have as many numbers as the first</source>
        <translation>每一行的数字个数必须与第一行相同</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="64"/>
        <source>at most {side}×{side}</source>
        <translation>最大 {side}×{side}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="72"/>
        <source>every channel must have the same size</source>
        <translation>每个通道的尺寸必须相同</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="75"/>
        <source>at most {count} channels</source>
        <translation>最多 {count} 个通道</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="86"/>
        <source>every output channel&apos;s kernel must have the same shape</source>
        <translation>每个输出通道的卷积核形状必须相同</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="170"/>
        <source>the input has {inputs} channel(s) but each kernel has {kernels}</source>
        <translation>输入有 {inputs} 个通道，但每个卷积核有 {kernels} 个</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="178"/>
        <source>padding must be 0 or more and stride 1 or more</source>
        <translation>填充必须 ≥ 0，步幅必须 ≥ 1</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="184"/>
        <source>the kernel is larger than the padded input</source>
        <translation>卷积核比填充后的输入还大</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/nn/device.py" line="57"/>
        <source>unknown device {name!r}: use auto, cpu, cuda, cuda:N, mps or xpu</source>
        <translation>未知设备 {name!r}：请使用 auto、cpu、cuda、cuda:N、mps 或 xpu</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/nn/device.py" line="71"/>
        <source>device {name!r} is not available on this machine (available: {have})</source>
        <translation>本机没有设备 {name!r}（可用：{have}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/paths/places.py" line="125"/>
        <source>{name!r} cannot be a file name here (use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;)</source>
        <translation>{name!r} 不能用作这里的文件名（请只用字母、数字、“-”、“_”和“.”）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/paths/places.py" line="135"/>
        <source>{path}: not inside {folder}</source>
        <translation>{path}：不在 {folder} 之内</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="102"/>
        <source>{path}: too large for a LeNet ({size} bytes)</source>
        <translation>{path}：对 LeNet 来说太大（{size} 字节）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="182"/>
        <source>{path}: PyTorch {version} cannot open pickle files safely; install PyTorch 2.6 or later (pip install -U torch), or save the weights with safetensors</source>
        <translation>{path}：PyTorch {version} 无法安全地打开 pickle 文件；请安装 PyTorch 2.6 或更新版本（pip install -U torch），或用 safetensors 保存权重</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="115"/>
        <source>{path}: holds a {kind}, not a network&apos;s weights; in your notebook run torch.save(net.state_dict(), &apos;lenet.params&apos;) and open that</source>
        <translation>{path}：保存的是 {kind}，不是网络的权重；请在笔记本中运行 torch.save(net.state_dict(), &apos;lenet.params&apos;)，然后打开那个文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="131"/>
        <source>{path}: {key!r} is not a tensor of weights; in your notebook run torch.save(net.state_dict(), &apos;lenet.params&apos;) and open that</source>
        <translation>{path}：{key!r} 不是权重张量；请在笔记本中运行 torch.save(net.state_dict(), &apos;lenet.params&apos;)，然后打开那个文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="163"/>
        <source>{path}: not a safetensors file, or a damaged one</source>
        <translation>{path}：不是 safetensors 文件，或者文件已损坏</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="200"/>
        <source>{path}: this file holds the whole network object, which cannot be opened safely; in your notebook run torch.save(net.state_dict(), &apos;lenet.params&apos;) and open that</source>
        <translation>{path}：这个文件保存的是整个网络对象，无法安全地打开；请在笔记本中运行 torch.save(net.state_dict(), &apos;lenet.params&apos;)，然后打开那个文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="209"/>
        <source>{path}: this pickle holds Python objects other than weights, which could run code; it was refused and nothing in it ran</source>
        <translation>{path}：这个 pickle 文件保存的不只是权重，还有可能运行代码的 Python 对象；已拒绝打开，其中的任何内容都没有运行</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="217"/>
        <source>{path}: not a PyTorch file of weights, or a damaged one; in your notebook run torch.save(net.state_dict(), &apos;lenet.params&apos;) and open that</source>
        <translation>{path}：不是 PyTorch 权重文件，或者文件已损坏；请在笔记本中运行 torch.save(net.state_dict(), &apos;lenet.params&apos;)，然后打开那个文件</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="285"/>
        <source>scale {scale!r}: use unit, standard or MEAN,STD (e.g. 0.1307,0.3081)</source>
        <translation>缩放 {scale!r}：请用 unit、standard 或 均值,标准差（例如 0.1307,0.3081）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="292"/>
        <source>scale {scale!r}: the std must be positive</source>
        <translation>缩放 {scale!r}：标准差必须为正</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="318"/>
        <source>{path}: choose the architecture with --arch (the weights fit: {names})</source>
        <translation>{path}：请用 --arch 选择架构（与权重相符的有：{names}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="328"/>
        <location filename="../../lenet_desktop/files/trying.py" line="263"/>
        <source>{path}: the weights do not fit {name}: {why}</source>
        <translation>{path}：权重与 {name} 不符：{why}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="383"/>
        <source>{name} has layers of its own (trainable subsampling, a partly connected C3, an RBF output), not plain nn layers: export a spec-built network instead</source>
        <translation>{name} 有自己特有的层（可训练的下采样、部分连接的 C3、RBF 输出），不是普通的 nn 层：请导出由规格构建的网络</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="406"/>
        <source>{path}: write .params, .pt, .pth or .safetensors</source>
        <translation>{path}：请写成 .params、.pt、.pth 或 .safetensors</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/notebook.py" line="413"/>
        <source>{path}: cannot be written ({detail})</source>
        <translation>{path}：无法写入（{detail}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="315"/>
        <source>unknown {option} {value!r} (known: {known})</source>
        <translation>未知的{option} {value!r}（可选：{known}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="338"/>
        <source>{option} must be from {low} to {high}, not {value}</source>
        <translation>{option} 必须在 {low} 到 {high} 之间，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="348"/>
        <source>{value} has no non-examples to learn from (they are made for digits): set the non-digits&apos; weight to 0</source>
        <translation>{value} 没有可供学习的非样本（它们只为数字而做）：请把非数字样本的权重设为 0</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/loop.py" line="102"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/loop.py" line="221"/>
        <source>the training split has fewer than two images</source>
        <translation>训练集少于两张图像</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/trying.py" line="253"/>
        <source>{path}: no network the app knows has layers of these shapes</source>
        <translation>{path}：应用知道的网络中没有一个的各层是这些形状</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/trying.py" line="305"/>
        <source>{path}: the weights look untrained, or unlike any network the app knows: the best reads {best} of the test images ({scores}); describe the network in the Architecture Editor, or give --arch, --dataset and --scale</source>
        <translation>{path}：这些权重看起来没有训练过，或者与应用知道的任何网络都不一样：最好的一个只读对 {best} 的测试图像（{scores}）；请在架构编辑器中描述这个网络，或者给出 --arch、--dataset 和 --scale</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/files/trying.py" line="339"/>
        <source>{path}: these networks read the test images about as well, so choose one with --arch, --dataset and --scale: {scores}</source>
        <translation>{path}：这些网络读测试图像的效果差不多，请用 --arch、--dataset 和 --scale 选择一个：{scores}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/job.py" line="79"/>
        <source>no {title} files found: choose their folder, or download them</source>
        <translation>找不到 {title} 的文件：请选择它们所在的文件夹，或下载它们</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/follower.py" line="124"/>
        <source>The notebook&apos;s network cannot run here: {why}</source>
        <translation>笔记本中的网络无法在这里运行：{why}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/follower.py" line="164"/>
        <source>No network from a notebook is shown</source>
        <translation>当前没有显示来自笔记本的网络</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="44"/>
        <source>The app cannot draw layer {number} ({text}): {why}</source>
        <translation>本应用无法显示第 {number} 层（{text}）：{why}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="69"/>
        <source>the app&apos;s windows are square, with one stride</source>
        <translation>本应用的窗口是正方形的，步幅只有一个值</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="70"/>
        <source>the app&apos;s convolutions have no dilation or groups, and pad with zeros</source>
        <translation>本应用的卷积没有空洞和分组，并用零填充</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="73"/>
        <source>the app&apos;s pooling rounds down (ceil_mode=False) and has no dilation</source>
        <translation>本应用的池化向下取整（ceil_mode=False），没有空洞</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="76"/>
        <source>the app&apos;s batch normalisation has eps 1e-5, a scale and a shift, running statistics</source>
        <translation>本应用的批量规范化使用 eps 1e-5、缩放和平移参数以及滑动统计量</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="79"/>
        <source>only a flatten of each picture (from dimension 1)</source>
        <translation>只能逐张图片展平（从第 1 维开始）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="80"/>
        <source>the app does not know this layer</source>
        <translation>本应用不认识这种层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="81"/>
        <source>the app draws this layer with {name} = {value} only</source>
        <translation>应用只能按 {name} = {value} 绘制这一层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="82"/>
        <source>a softmax is the app&apos;s, at the end only</source>
        <translation>softmax 由本应用计算，只能在最后</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="83"/>
        <source>the forward pass is not a chain of layers (each one feeding the next)</source>
        <translation>前向传播不是一条层链（每层的输出直接作为下一层的输入）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="224"/>
        <location filename="../../lenet_desktop/live/network.py" line="231"/>
        <source>The notebook did not describe its layers</source>
        <translation>笔记本没有描述它的各层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="258"/>
        <source>The app cannot build the notebook&apos;s network: {why}</source>
        <translation>本应用无法构建笔记本中的网络：{why}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="281"/>
        <source>The notebook names the dataset {name!r}: the app knows {known}</source>
        <translation>笔记本指定的数据集是 {name!r}：本应用认识的是 {known}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="323"/>
        <source>The notebook&apos;s network reads {shape} pictures; the app&apos;s are {ours}</source>
        <translation>笔记本中的网络读取 {shape} 的图片；本应用的图片是 {ours}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="342"/>
        <source>The notebook sent no weights</source>
        <translation>笔记本没有发送权重</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="350"/>
        <source>The notebook&apos;s network has {count} outputs; {dataset} has {classes}</source>
        <translation>笔记本中的网络有 {count} 个输出；{dataset} 有 {classes} 个类别</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/network.py" line="372"/>
        <location filename="../../lenet_desktop/live/network.py" line="381"/>
        <source>The notebook&apos;s weights do not fit its layers ({name})</source>
        <translation>笔记本发来的权重与它的各层不符（{name}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/receiver.py" line="38"/>
        <source>A message to the app was dropped: {reason}</source>
        <translation>发给本应用的一条消息已被丢弃：{reason}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/receiver.py" line="40"/>
        <source>it is not a LeNet Desktop message</source>
        <translation>它不是本应用的消息</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/receiver.py" line="41"/>
        <source>it ended early</source>
        <translation>它提前结束了</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/receiver.py" line="42"/>
        <source>it was not signed with your secret (not from your notebook)</source>
        <translation>它没有用你的密钥签名（不是来自你的笔记本）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/receiver.py" line="45"/>
        <location filename="../../lenet_desktop/live/receiver.py" line="46"/>
        <source>its header is not JSON</source>
        <translation>它的消息头不是 JSON</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/receiver.py" line="47"/>
        <source>its weights are not safetensors (pickle is refused)</source>
        <translation>它的权重不是 safetensors 格式（拒绝 pickle）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/receiver.py" line="48"/>
        <source>it is neither a network nor metrics</source>
        <translation>它既不是网络也不是指标</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/receiver.py" line="49"/>
        <source>it is larger than the channel takes</source>
        <translation>它超过了通道允许的大小</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/live/receiver.py" line="50"/>
        <source>it did not arrive in time</source>
        <translation>它没有及时到达</translation>
    </message>
</context>
<context>
    <name>exercises</name>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="43"/>
        <source>The book&apos;s own run</source>
        <translation>书中原本的训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="44"/>
        <source>The sigmoid LeNet with SGD at lr 0.9 for 10 epochs. Watch the loss: flat for the first epoch or two, then falling. The book reports about 78–82 % on Fashion-MNIST; the Quick recipe gets further in a minute.</source>
        <translation>sigmoid LeNet，SGD 学习率 0.9，训练 10 轮。留意损失：前一两轮几乎不动，然后开始下降。书中在 Fashion-MNIST 上约为 78–82 %；“快速”配方一分钟内就能更好。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="51"/>
        <source>sigmoid LeNet</source>
        <translation>sigmoid LeNet</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="55"/>
        <source>Replace average pooling with max pooling</source>
        <translation>把平均汇聚换成最大汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="56"/>
        <source>Compare the test accuracy and how fast the loss falls. In the Feature maps tab, S2 and S4 of the max-pool network keep the strongest responses: sharper, brighter maps.</source>
        <translation>比较测试准确率和损失下降的快慢。在“特征图”页中，最大汇聚网络的 S2 和 S4 保留最强的响应：特征图更清晰、更亮。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="63"/>
        <source>avg pool</source>
        <translation>平均汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="63"/>
        <source>max pool</source>
        <translation>最大汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="67"/>
        <source>Replace the sigmoid with ReLU</source>
        <translation>把 sigmoid 换成 ReLU</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="68"/>
        <source>ReLU networks learn much faster at first, but the book&apos;s rate 0.9 makes them diverge: the Quick recipe gives each its own rate. Compare the first epoch&apos;s test accuracy.</source>
        <translation>ReLU 网络一开始学得快得多，但书中的学习率 0.9 会让它发散：“快速”配方给每种网络各自合适的学习率。比较第一轮的测试准确率。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="75"/>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="79"/>
        <source>Change the convolution window</source>
        <translation>调整卷积窗口大小</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="80"/>
        <source>3×3 windows instead of 5×5: more parameters in the fully connected layers (C3&apos;s output is 16×6×6), smaller receptive fields. Compare the C1 kernels side by side.</source>
        <translation>用 3×3 窗口代替 5×5：全连接层的参数更多（C3 的输出为 16×6×6），感受野更小。并排比较 C1 卷积核。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="90"/>
        <source>Change the number of output channels</source>
        <translation>调整输出通道数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="91"/>
        <source>16 and 32 channels instead of 6 and 16: twice the parameters. Does the accuracy follow? Look at the time per epoch too.</source>
        <translation>用 16 和 32 个通道代替 6 和 16：参数量翻倍。准确率也会跟着提高吗？也看看每轮的用时。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="101"/>
        <source>Change the number of convolution layers</source>
        <translation>调整卷积层数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="102"/>
        <source>A third convolution (16 maps, 3×3, padded by 1) after S4. A deeper sigmoid network starts learning later: compare the loss curves of the first epoch.</source>
        <translation>在 S4 之后加第三个卷积层（16 个特征图，3×3，填充 1）。更深的 sigmoid 网络开始学习得更晚：比较第一轮的损失曲线。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="108"/>
        <source>2 conv</source>
        <translation>2 个卷积层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="108"/>
        <source>3 conv</source>
        <translation>3 个卷积层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="112"/>
        <source>Change the number of fully connected layers</source>
        <translation>调整全连接层数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="113"/>
        <source>One hidden fully connected layer fewer (400 → 120 → 10): fewer parameters. Is the accuracy the same?</source>
        <translation>少一个隐藏全连接层（400 → 120 → 10）：参数更少。准确率一样吗？</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="119"/>
        <source>3 FC</source>
        <translation>3 个全连接层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="119"/>
        <source>2 FC</source>
        <translation>2 个全连接层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="123"/>
        <source>Change the learning rate, initialisation and epochs</source>
        <translation>调整学习率、初始化方式和轮数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="124"/>
        <source>Set up, then change one option in the Training panel (Learning rate, Initialisation, Epochs) and train again: each run is named by what you changed, and every run of this network is listed here.</source>
        <translation>先点“设置”，再在训练面板中改一个选项（学习率、初始化、轮数）后重新训练：每次训练都以你改动的内容命名，这个网络的每次训练都会列在这里。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="135"/>
        <source>The study notes&apos; two variants</source>
        <translation>学习笔记中的两个变体</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="136"/>
        <source>The notes pad C3 by 1 and keep one hidden layer (16×7×7 flattened), or drop the padding and pool by max (16×4×4). The Architecture tab shows each shape.</source>
        <translation>笔记中一个变体给 C3 填充 1 并只保留一个隐藏层（展平为 16×7×7），另一个去掉填充并用最大汇聚（16×4×4）。“架构”页显示每一层的形状。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="144"/>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="145"/>
        <source>max, unpadded</source>
        <translation>最大汇聚、无填充</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="150"/>
        <source>Try the improved network on MNIST</source>
        <translation>在 MNIST 上试试改进后的网络</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="151"/>
        <source>Batch norm, ReLU and max pooling, against the book&apos;s network, on handwritten digits. Then draw a digit on the canvas with each model.</source>
        <translation>批量归一化、ReLU 和最大汇聚，与书中的网络在手写数字上对比。然后分别用两个模型在画布上写一个数字试试。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="157"/>
        <source>modern</source>
        <translation>改进版</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="162"/>
        <source>Show the first two layers&apos; activations for a sweater and a coat</source>
        <translation>显示毛衣和外套在前两层的激活</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="165"/>
        <source>Set up opens the Fashion-MNIST model with a random pullover pinned and a random coat beside it: the Feature maps tab shows both inputs&apos; maps layer by layer, one colour scale per layer. Where do C1 and S2 differ?</source>
        <translation>“设置”会打开 Fashion-MNIST 模型，固定一张随机的套头衫，并在旁边显示一张随机的外套：“特征图”页逐层并排显示两个输入的特征图，每层共用一个色标。C1 和 S2 在哪里不同？</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="216"/>
        <source>not trained yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="220"/>
        <source>1 epoch each</source>
        <translation>各 1 轮</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="222"/>
        <source>1 epoch</source>
        <translation>1 轮</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="226"/>
        <source>{epochs} epochs each</source>
        <translation>各 {epochs} 轮</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="228"/>
        <location filename="../../lenet_desktop/training/exercises.py" line="232"/>
        <source>{epochs} epochs</source>
        <translation>{epochs} 轮</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="277"/>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="278"/>
        <source>run</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="279"/>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="280"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/exercises.py" line="281"/>
        <source>time</source>
        <translation>用时</translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message>
        <location filename="../../lenet_desktop/analysis/explanations.py" line="230"/>
        <source>flatten: the same value, in a vector</source>
        <translation>展平：同一个值，放进向量</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/explanations.py" line="231"/>
        <source>padding: the input value, or the padding value</source>
        <translation>填充：输入的值，或填充值</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/explanations.py" line="232"/>
        <source>dropout is off when predicting: the same value</source>
        <translation>预测时暂退法关闭：同一个值</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../lenet_desktop/ui/tools/export.py" line="113"/>
        <source>{0}: could not be written</source>
        <translation>{0}：无法写入</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/export.py" line="122"/>
        <location filename="../../lenet_desktop/ui/tools/export.py" line="133"/>
        <source>Export View</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/tools/export.py" line="124"/>
        <source>PNG picture (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>layer keys</name>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="92"/>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="102"/>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="93"/>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="104"/>
        <source>stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="94"/>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="103"/>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="101"/>
        <source>channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="148"/>
        <source>negative slope</source>
        <translation>负半轴斜率</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="179"/>
        <source>dropout p</source>
        <translation>丢弃率 p</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="196"/>
        <source>features</source>
        <translation>特征数</translation>
    </message>
</context>
<context>
    <name>layer types</name>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="98"/>
        <source>convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="111"/>
        <source>max pooling</source>
        <translation>最大汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="117"/>
        <source>average pooling</source>
        <translation>平均汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="123"/>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="130"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="137"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="145"/>
        <source>leaky ReLU</source>
        <translation>带泄漏的 ReLU</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="161"/>
        <source>ELU</source>
        <translation>指数线性单元</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="169"/>
        <source>batch normalisation</source>
        <translation>批量规范化</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="176"/>
        <source>dropout</source>
        <translation>暂退（dropout）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="186"/>
        <source>flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="191"/>
        <source>fully connected</source>
        <translation>全连接</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="205"/>
        <source>subsampling</source>
        <translation>下采样</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="210"/>
        <source>LeNet-5&apos;s squashing function</source>
        <translation>LeNet-5 的压缩函数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="215"/>
        <source>Euclidean RBF output</source>
        <translation>欧氏 RBF 输出</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="220"/>
        <source>padding</source>
        <translation>填充</translation>
    </message>
</context>
<context>
    <name>layers</name>
    <message>
        <location filename="../../lenet_desktop/specs/layer_rows.py" line="145"/>
        <source>convolution {0}×{0}</source>
        <translation>卷积 {0}×{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_rows.py" line="143"/>
        <source>convolution {0}×{0}, partly connected</source>
        <translation>卷积 {0}×{0}，部分连接</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_rows.py" line="150"/>
        <location filename="../../lenet_desktop/specs/layer_rows.py" line="163"/>
        <source>, padding {0}</source>
        <translation>，填充 {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_rows.py" line="152"/>
        <source>, stride {0}</source>
        <translation>，步幅 {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="112"/>
        <source>max pooling</source>
        <translation>最大汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="118"/>
        <source>average pooling</source>
        <translation>平均汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_rows.py" line="160"/>
        <source>{0} {1}×{1}, stride {2}</source>
        <translation>{0} {1}×{1}，步幅 {2}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="146"/>
        <source>leaky ReLU, slope {0:g}</source>
        <translation>带泄漏的 ReLU，斜率 {0:g}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="206"/>
        <source>subsampling: 2×2 sum × weight + bias</source>
        <translation>下采样：2×2 求和 × 权重 + 偏置</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="170"/>
        <source>batch normalisation</source>
        <translation>批量规范化</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="124"/>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="193"/>
        <source>fully connected {0} → {1}</source>
        <translation>全连接 {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="187"/>
        <source>flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="211"/>
        <source>squashing {0}</source>
        <translation>压缩函数 {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="216"/>
        <source>Euclidean RBF: distance to each class&apos;s code</source>
        <translation>欧氏 RBF：到每个类别编码的距离</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="221"/>
        <source>padding to the 32×32 field</source>
        <translation>填充到 32×32 的输入区域</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="177"/>
        <source>dropout (off when predicting)</source>
        <translation>暂退法 dropout（预测时关闭）</translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="215"/>
        <source>Cross-correlation, 3×3 ∗ 2×2</source>
        <translation>互相关运算，3×3 ∗ 2×2</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="216"/>
        <source>The kernel slides over the input; each output value is the sum of the element-wise products under it: 1×1 + 2×2 + 4×3 + 5×4 = 37. The result is [[37, 47], [67, 77]]. (The notes write the lower-left sum as 4+10+21+43: the last product is 8×4 = 32, so the sum is 67.)</source>
        <translation>卷积核在输入上滑动；每个输出值是其下方逐元素乘积之和：1×1 + 2×2 + 4×3 + 5×4 = 37。结果是 [[37, 47], [67, 77]]。（笔记把左下角的和写成 4+10+21+43：最后一项乘积是 8×4 = 32，所以和是 67。）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="228"/>
        <source>Edge detection with [1, −1]</source>
        <translation>用 [1, −1] 检测边缘</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="229"/>
        <source>A 6×8 image, white (1) with a dark middle (0). The kernel [1, −1] subtracts each pixel&apos;s right neighbour: 0 where they are equal, 1 where white turns dark and −1 where dark turns white. Two columns light up: the two edges.</source>
        <translation>一张 6×8 的图像，白色 (1)，中间为黑色 (0)。卷积核 [1, −1] 用每个像素减去它右边的像素：相等处为 0，由白变黑处为 1，由黑变白处为 −1。亮起的两列就是两条边缘。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="240"/>
        <source>Padding 1 keeps the size</source>
        <translation>填充 1 保持尺寸不变</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="241"/>
        <source>A 4×4 input and a 3×3 kernel: without padding the output is 2×2. One ring of zeros (padding 1) gives (4 − 3 + 2 + 1) / 1 = 4: the same size as the input, as p = (k − 1) / 2 promises.</source>
        <translation>4×4 的输入和 3×3 的卷积核：不填充时输出为 2×2。填充一圈 0（填充 1）得到 (4 − 3 + 2 + 1) / 1 = 4：与输入尺寸相同，正如 p = (k − 1) / 2 所保证的。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="253"/>
        <source>Padding 2 grows it</source>
        <translation>填充 2 使尺寸变大</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="254"/>
        <source>The same 4×4 input and 3×3 kernel with two rings of zeros: (4 − 3 + 4 + 1) / 1 = 6, a 6×6 output. The outer values see mostly padding.</source>
        <translation>同样的 4×4 输入和 3×3 卷积核，填充两圈 0：(4 − 3 + 4 + 1) / 1 = 6，输出为 6×6。最外圈的值看到的大多是填充。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="265"/>
        <source>Stride 2 halves it</source>
        <translation>步幅 2 使尺寸减半</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="266"/>
        <source>A 2×2 kernel moved two pixels at a time over a 4×4 input: (4 − 2 + 0 + 2) / 2 = 2, a 2×2 output. Windows no longer overlap.</source>
        <translation>2×2 的卷积核在 4×4 的输入上每次移动两个像素：(4 − 2 + 0 + 2) / 2 = 2，输出为 2×2。窗口不再重叠。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="277"/>
        <source>Two input channels, summed</source>
        <translation>两个输入通道，相加</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="278"/>
        <source>Each input channel has its own kernel; the two cross-correlations are added into one output: (0×0 + 1×1 + 3×2 + 4×3) + (1×1 + 2×2 + 4×3 + 5×4) = 19 + 37 = 56.</source>
        <translation>每个输入通道有自己的卷积核；两个互相关的结果相加成一个输出：(0×0 + 1×1 + 3×2 + 4×3) + (1×1 + 2×2 + 4×3 + 5×4) = 19 + 37 = 56。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="288"/>
        <source>A 1×1 convolution mixes channels</source>
        <translation>1×1 卷积混合通道</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/sandbox.py" line="289"/>
        <source>A 1×1 kernel sees one pixel, but of every channel: each output pixel is a weighted sum of the three input channels at that pixel, like a fully connected layer applied at every position. Here three channels become two.</source>
        <translation>1×1 卷积核只看一个像素，但看的是所有通道：每个输出像素是该位置三个输入通道的加权和，就像在每个位置上应用一个全连接层。这里三个通道变成了两个。</translation>
    </message>
</context>
<context>
    <name>notebook</name>
    <message>
        <location filename="../../lenet_desktop/ui/translation.py" line="70"/>
        <source>[0, 1] input (ToTensor)</source>
        <translation>[0, 1] 输入（ToTensor）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/translation.py" line="72"/>
        <source>standardised input</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/translation.py" line="74"/>
        <source>{0}, {1}, {2}: {3:.0f} % of {4} test images</source>
        <translation>{0}，{1}，{2}：{4} 张测试图像中读对 {3:.0f} %</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/translation.py" line="87"/>
        <source>Found by trying it: {0}.</source>
        <translation>试过之后找到：{0}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/translation.py" line="91"/>
        <source>Others read the test images about as well; the book&apos;s own network was kept.</source>
        <translation>其他网络读测试图像的效果差不多；保留了书中自己的网络。</translation>
    </message>
</context>
<context>
    <name>notes</name>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="122"/>
        <source>The picture already is a {side}×{side} image framed as the dataset&apos;s: the network got it pixel for pixel, as in training.</source>
        <translation>这张图片本身就是按数据集方式取景的 {side}×{side} 图像：网络逐像素地接收它，和训练时一样。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="135"/>
        <source>Unlike anything it was trained on (score {score:.1f}, above {threshold:.1f}): the answer means little.</source>
        <translation>不像训练时见过的任何东西（得分 {score:.1f}，高于 {threshold:.1f}）：这个答案没有多大意义。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="147"/>
        <source>The model is unsure: {first} at {p1:.0f} %, then {second} at {p2:.0f} %.</source>
        <translation>模型没有把握：{first} 只有 {p1:.0f} %，其次是 {second}，{p2:.0f} %。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="169"/>
        <source>The digit is only {px} px tall in the picture; the model reads digits {box} px tall, so it was enlarged and blurs — draw or photograph it larger.</source>
        <translation>图中的数字只有 {px} 像素高；模型读取的数字高 {box} 像素，所以它被放大而变得模糊——请写大一些或拍得大一些。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="181"/>
        <source>The ink is faint (only {pct:.0f} % darker than the paper); it was strengthened — a darker pen or brush reads more surely.</source>
        <translation>墨迹很淡（只比纸张暗 {pct:.0f} %），已被加深——用颜色更深的笔或画笔，识别会更可靠。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="193"/>
        <source>The ink touches the edge of the picture: part of the digit may be cut off — leave a margin around it.</source>
        <translation>墨迹碰到了图片边缘：数字可能有一部分被截掉了——请在数字四周留出空白。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="204"/>
        <source>The ink is in {n} separate pieces; a digit is one or two strokes — a gap or a stray mark can change the answer.</source>
        <translation>墨迹分成了 {n} 个互不相连的部分；一个数字通常只有一两笔——断开的笔画或多余的痕迹都可能改变答案。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="222"/>
        <source>{n} lines of the paper were found and removed (shown in red).</source>
        <translation>找到并去掉了纸张上的 {n} 条线（以红色显示）。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="226"/>
        <source>A line of the paper was found and removed (shown in red).</source>
        <translation>找到并去掉了纸张上的一条线（以红色显示）。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="237"/>
        <source>{n} dots of the paper&apos;s grid were removed.</source>
        <translation>去掉了纸张网格上的 {n} 个圆点。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/analysis/reading.py" line="246"/>
        <source>The paper&apos;s light was evened out (it was up to {pct:.0f} % darker in places: a shadow or uneven light).</source>
        <translation>已把纸张的明暗调匀（有些地方暗了多达 {pct:.0f} %：阴影或光照不均）。</translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="97"/>
        <source>Draw one of: {classes}.</source>
        <translation>请画以下之一：{classes}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="117"/>
        <source>Draw a digit on the canvas.</source>
        <translation>请在画布上画一个数字。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/data/datasets.py" line="157"/>
        <source>Draw a garment as a filled shape (the Fill tool fills an outline): the dataset&apos;s garments are solid silhouettes, and a bare outline is often read as a bag.</source>
        <translation>请把服装画成实心的形状（“填充”工具可填满轮廓）：数据集中的服装都是实心剪影，只画轮廓常被认成包。</translation>
    </message>
</context>
<context>
    <name>recipes</name>
    <message>
        <location filename="../../lenet_desktop/training/recipes.py" line="27"/>
        <source>sigmoid network</source>
        <translation>sigmoid 网络</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/recipes.py" line="28"/>
        <source>ReLU network</source>
        <translation>ReLU 网络</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/recipes.py" line="29"/>
        <source>batch-normalised network</source>
        <translation>批量归一化网络</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/recipes.py" line="30"/>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
</context>
<context>
    <name>run names</name>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="25"/>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="26"/>
        <source>channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="27"/>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="28"/>
        <source>stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="29"/>
        <source>features</source>
        <translation>特征数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="155"/>
        <source>leaky ReLU</source>
        <translation>带泄漏的 ReLU</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="114"/>
        <source>max pool</source>
        <translation>最大汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="120"/>
        <source>avg pool</source>
        <translation>平均汇聚</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="108"/>
        <source>conv</source>
        <translation>卷积层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="201"/>
        <source>linear</source>
        <translation>全连接层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="173"/>
        <source>batch norm</source>
        <translation>批量归一化</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/specs/layer_types.py" line="183"/>
        <source>dropout</source>
        <translation>暂退（dropout）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="34"/>
        <source>Quick</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="38"/>
        <source>lr {value}</source>
        <translation>学习率 {value}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="39"/>
        <source>{value} epochs</source>
        <translation>{value} 轮</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="40"/>
        <source>{value} images</source>
        <translation>{value} 张图像</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="41"/>
        <source>batch {value}</source>
        <translation>批量 {value}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="43"/>
        <source>momentum {value}</source>
        <translation>动量 {value}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="45"/>
        <source>{value} init</source>
        <translation>{value} 初始化</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="46"/>
        <source>weight decay {value}</source>
        <translation>权重衰减 {value}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="47"/>
        <source>label smoothing {value}</source>
        <translation>标签平滑 {value}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="48"/>
        <source>{value} loss</source>
        <translation>{value} 损失</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="49"/>
        <source>augmentation {value}</source>
        <translation>数据增强{value}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="50"/>
        <source>hold-out {value}</source>
        <translation>留出 {value}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="51"/>
        <source>seed {value}</source>
        <translation>种子 {value}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="69"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="69"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="128"/>
        <source>other layers</source>
        <translation>其他层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="160"/>
        <source>1 epoch</source>
        <translation>1 轮</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/naming.py" line="178"/>
        <source>+{count} changes</source>
        <translation>另有 {count} 处改动</translation>
    </message>
</context>
<context>
    <name>training options</name>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="71"/>
        <source>the dataset to train on</source>
        <translation>用来训练的数据集</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="72"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="78"/>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="79"/>
        <source>the network: a preset, or a spec file (.toml) of your own</source>
        <translation>网络：一个预设，或你自己的架构文件（.toml）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="91"/>
        <source>start from a recipe: quick (learns in about a minute on a laptop&apos;s CPU) or book (the D2L chapter&apos;s own settings); the options given beside it still apply</source>
        <translation>从一个配方开始：快速（在笔记本电脑的 CPU 上约一分钟就能学会）或书中设置（D2L 本章的原始设置）；同时给出的其他选项仍然有效</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="96"/>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="97"/>
        <source>Quick: settings that learn in about a minute on a laptop&apos;s CPU, chosen per activation on held-out images. Book: the D2L chapter&apos;s own settings. Choosing one sets the options below (and again when the network or the dataset changes).</source>
        <translation>快速：在笔记本电脑的 CPU 上约一分钟就能学会的设置，按激活函数在留出的图像上选定。书中设置：D2L 本章的原始设置。选中一个配方会设置下面的选项（换网络或数据集时会重新设置）。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="105"/>
        <source>your own settings</source>
        <translation>你自己的设置</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="106"/>
        <source>Quick (about a minute)</source>
        <translation>快速（约一分钟）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="107"/>
        <source>Book (the chapter&apos;s settings)</source>
        <translation>书中设置（本章的原始设置）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="112"/>
        <source>passes over the training split</source>
        <translation>遍历训练集的次数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="113"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="118"/>
        <source>train on only this many of the training images (a random slice, the same for the same seed); 0: all of them</source>
        <translation>只用这么多张训练图像（随机抽取，相同种子抽到的相同）；0 表示全部</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="123"/>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="127"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="131"/>
        <source>images per optimiser step</source>
        <translation>每个优化步骤使用的图像数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="132"/>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="137"/>
        <source>the optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="138"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="143"/>
        <source>learning rate (peak of the schedule); default per optimiser</source>
        <translation>学习率（调度的峰值）；默认值随优化器而定</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="146"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="155"/>
        <source>SGD&apos;s momentum (Nesterov when above 0; 0: plain SGD, as the book)</source>
        <translation>SGD 的动量（大于 0 时用涅斯捷罗夫动量；0：普通 SGD，与书中相同）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="159"/>
        <source>Momentum (SGD)</source>
        <translation>动量（SGD）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="166"/>
        <source>how the learning rate changes</source>
        <translation>学习率如何变化</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="167"/>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="170"/>
        <source>one-cycle</source>
        <translation>单周期</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="171"/>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="172"/>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="177"/>
        <source>how the weights start: PyTorch&apos;s default, or Xavier (uniform) on conv and linear weights as the book does</source>
        <translation>权重如何初始化：PyTorch 的默认方式，或像书中那样对卷积层和全连接层的权重使用 Xavier（均匀）初始化</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="182"/>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="185"/>
        <source>PyTorch default</source>
        <translation>PyTorch 默认</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="186"/>
        <source>Xavier (as the book)</source>
        <translation>Xavier（与书中相同）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="191"/>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="192"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="199"/>
        <source>label smoothing, from 0 up to (not including) 1</source>
        <translation>标签平滑，从 0 到 1（不含 1）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="200"/>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="207"/>
        <source>cross-entropy, or map: LeCun et al. 1998&apos;s Eq. 9 for an RBF output (the correct class&apos;s distance plus log(e^−j + Σ e^−y_i))</source>
        <translation>交叉熵，或最大后验准则：LeCun 等人 1998 年论文中用于 RBF 输出层的公式 9（正确类别的距离，加上 e^−j 与各类别 e^−y 之和的对数）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="212"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="215"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="216"/>
        <source>MAP (LeCun et al. 1998, Eq. 9)</source>
        <translation>最大后验准则（LeCun 等人 1998，公式 9）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="221"/>
        <source>random affine (and flips for Fashion-MNIST) on the device</source>
        <translation>在设备上做随机仿射变换（Fashion-MNIST 还会翻转）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="224"/>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="225"/>
        <source>Random small rotations, scalings and shifts of each batch (and flips for garments)</source>
        <translation>对每个批量做小幅随机旋转、缩放和平移（服装还会水平翻转）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="229"/>
        <source>random affine</source>
        <translation>随机仿射</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="233"/>
        <source>how the network sees its input: standard = normalised with the dataset&apos;s mean and std (the app&apos;s), unit = ToTensor&apos;s pixels in [0, 1] (the book&apos;s)</source>
        <translation>网络如何看到它的输入：标准化 = 先用数据集的均值和标准差标准化（应用的做法）；[0, 1] 像素 = 直接使用 [0, 1] 之间的像素值（书中的做法）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="238"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="241"/>
        <source>normalised (mean, std)</source>
        <translation>标准化（均值、标准差）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="242"/>
        <source>pixels in [0, 1] (the book&apos;s)</source>
        <translation>[0, 1] 像素（书中的做法）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="247"/>
        <source>weight of the non-digits made from the training digits (turned, mirrored, overlaid, blotted), which the network learns to give no class: it then tells a letter or a scribble from a digit; 0: none</source>
        <translation>用训练数字做成的非数字样本（旋转、镜像、叠加、涂成墨团）的权重，网络学着不把它们归入任何类别，从而能把字母或乱涂与数字区分开；0：不用</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="253"/>
        <source>Non-digits</source>
        <translation>非数字样本</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="254"/>
        <source>Teach the network to doubt: a quarter of each batch is non-digits made from the training digits themselves (turned, mirrored, overlaid, blotted), and the network learns to give them no class (outlier exposure). 0: none. Digits only.</source>
        <translation>教网络学会怀疑：每个批次再加四分之一由训练数字本身做成的非数字样本（旋转、镜像、叠加、涂成墨团），网络学着不把它们归入任何类别（离群样本暴露）。0：不用。仅适用于数字。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="266"/>
        <source>random seed: the same seed gives the same run</source>
        <translation>随机种子：相同的种子得到相同的训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="267"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="272"/>
        <source>share of the training split kept out of training to calibrate the probabilities (temperature scaling); 0 for none</source>
        <translation>留出不参与训练、用于校准概率（温度缩放）的训练集比例；0 表示不留出</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="277"/>
        <source>Held out to calibrate</source>
        <translation>留出用于校准</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="278"/>
        <source>Training images kept out of training; when it ends, a temperature is fitted on them so that the probabilities are honest (0: no temperature, as in the book)</source>
        <translation>不参与训练的训练图像比例；训练结束时在这些图像上拟合一个温度，让概率名副其实（0：不拟合温度，与书中相同）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="290"/>
        <source>where to train</source>
        <translation>在哪里训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="291"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="298"/>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/training/config.py" line="299"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
</context>
</TS>
